/** What a CSV cell may hold; null and undefined are empty cells. */
export type CellValue = string | number | boolean | null | undefined;

/**
 * Characters that make a spreadsheet read a cell as a formula (or, for tab and CR, that some spreadsheets strip
 * before doing so): a cell starting with one is prefixed with `'`, so `=HYPERLINK(…)` typed by a customer stays text.
 * OWASP's CSV injection advice; numbers the server computed are left as numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: text quoted (quotes doubled), formulas neutralised; numbers and booleans as they are. */
export function csvCell(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export function csvRow(cells: readonly CellValue[]): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
