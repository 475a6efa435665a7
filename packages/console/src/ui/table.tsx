import type { ComponentChildren } from 'preact';

export interface Column<Row> {
  label: string;
  cell: (row: Row) => ComponentChildren;
}

/**
 * A plain data table with a caption (hidden when `captionHidden`), scrolling sideways on a narrow screen. The scroll
 * box is focusable and named after the caption, so keyboard users can scroll it too (axe: scrollable-region-focusable).
 * Its name says "table": a section titled like its table ("Secret keys") would otherwise be a second landmark of
 * the same name (axe: landmark-unique), and a screen reader could not tell the two apart.
 */
export function Table<Row>({ caption, captionHidden = false, columns, rows, rowKey }: { caption: string; captionHidden?: boolean; columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => string }) {
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-label={`${caption} table`}>
      <table class="table">
        <caption class={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th scope="col" key={column.label}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.label} data-label={column.label}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
