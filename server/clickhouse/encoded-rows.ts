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

/** Lets the event loop run between parts of a long encoding (ingest/time-slice.ts). */
export interface EncodingSlice {
  due(): boolean;
  pause(): Promise<void>;
}

/** Writes lines into one growing buffer. */
function lineWriter() {
  let body = Buffer.allocUnsafe(64 * 1024);
  let at = 0;
  return {
    write(row: unknown[]): void {
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
    },
    body: () => body.subarray(0, at),
  };
}

/**
 * Rows already in the order of `columns`, each an array of values. Each line is written straight into
 * one buffer: joining the lines first made a string twice the body's size for every batch.
 */
export function encodeValues(columns: readonly string[], rows: readonly unknown[][]): EncodedRows {
  const writer = lineWriter();
  for (const row of rows) writer.write(row);
  return { columns: [...columns], body: writer.body(), rows: rows.length };
}

/** The same bytes, giving the event loop back whenever `slice` is used up (a batch of 20,000 rows is ~100 ms). */
export async function encodeValuesSliced(
  columns: readonly string[],
  rows: readonly unknown[][],
  slice: EncodingSlice,
): Promise<EncodedRows> {
  const writer = lineWriter();
  for (const row of rows) {
    if (slice.due()) await slice.pause();
    writer.write(row);
  }
  return { columns: [...columns], body: writer.body(), rows: rows.length };
}
