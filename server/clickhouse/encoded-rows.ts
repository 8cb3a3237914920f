// Rows encoded once as JSONCompactEachRow (one JSON array a line, under one column list): the form
// an insert sends and the insert journal keeps, so a batch is serialised once, not once for the
// journal and again for the insert.

export interface EncodedRows {
  columns: string[];
  /** one JSON array a row, each line ending in a newline */
  body: Buffer;
  rows: number;
}

/** The rows under the keys of the first one; a missing or undefined value is sent as null. */
export function encodeRows<Row extends object>(rows: readonly Row[]): EncodedRows {
  if (rows.length === 0) return { columns: [], body: Buffer.alloc(0), rows: 0 };
  const columns = Object.keys(rows[0]);
  return encodeValues(
    columns,
    rows.map((row) => columns.map((column) => (row as Record<string, unknown>)[column] ?? null)),
  );
}

/** Rows already in the order of `columns`, each an array of values. */
export function encodeValues(columns: readonly string[], rows: readonly unknown[][]): EncodedRows {
  const lines = new Array<string>(rows.length + 1);
  for (let i = 0; i < rows.length; i += 1) lines[i] = JSON.stringify(rows[i]);
  lines[rows.length] = '';
  return { columns: [...columns], body: Buffer.from(lines.join('\n')), rows: rows.length };
}
