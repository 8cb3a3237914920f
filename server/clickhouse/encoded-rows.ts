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
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i += 1) {
    const row = rows[i] as Record<string, unknown>;
    const values = new Array<unknown>(columns.length);
    for (let c = 0; c < columns.length; c += 1) values[c] = row[columns[c]] ?? null;
    lines[i] = JSON.stringify(values);
  }
  lines.push('');
  return { columns, body: Buffer.from(lines.join('\n')), rows: rows.length };
}
