/** One column of a table: its header and how a row shows in it. */
export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => string | number | undefined;
}

/** A plain-text table, columns padded to their widest cell, two spaces apart. */
export function formatTable<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string[] {
  const cells = rows.map((row) => columns.map((column) => oneLine(column.cell(row))));
  const widths = columns.map((column, index) =>
    Math.max(column.header.length, ...cells.map((line) => line[index]?.length ?? 0)),
  );
  const line = (values: readonly string[]) =>
    values
      .map((value, index) => (index === values.length - 1 ? value : value.padEnd(widths[index] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((column) => column.header)), ...cells.map(line)];
}

function oneLine(value: string | number | undefined): string {
  if (value === undefined) return '-';
  return String(value).replace(/\s+/g, ' ');
}
