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

/**
 * Rows already in the order of `columns`, each an array of values. Each line is written straight into
 * one buffer: joining the lines first made a string twice the body's size for every batch.
 */
export function encodeValues(columns: readonly string[], rows: readonly unknown[][]): EncodedRows {
  let body = Buffer.allocUnsafe(64 * 1024);
  let at = 0;
  for (const row of rows) {
    const line = JSON.stringify(row);
    // a UTF-16 unit takes at most 3 bytes of UTF-8, and the newline 1
    const most = line.length * 3 + 1;
    if (at + most > body.length) {
      const bigger = Buffer.allocUnsafe(Math.max(body.length * 2, at + most));
      body.copy(bigger, 0, 0, at);
      body = bigger;
    }
    at += body.write(line, at, 'utf8');
    body[at++] = 0x0a;
  }
  return { columns: [...columns], body: body.subarray(0, at), rows: rows.length };
}
