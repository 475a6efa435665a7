import type { ComponentChildren } from 'preact';

export interface Column<Row> {
  label: string;
  cell: (row: Row) => ComponentChildren;
}

/** A plain data table with a caption (hidden when `captionHidden`), scrolling sideways on a narrow screen. */
export function Table<Row>({ caption, captionHidden = false, columns, rows, rowKey }: { caption: string; captionHidden?: boolean; columns: Column<Row>[]; rows: Row[]; rowKey: (row: Row) => string }) {
  return (
    <div class="table-scroll">
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
                <td key={column.label}>{column.cell(row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
