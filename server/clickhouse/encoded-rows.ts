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

/**
 * Lines are written into one scratch buffer kept between batches, and the batch's bytes copied out of
 * it once at the end. Growing a fresh buffer by doubling for every batch copied each byte about twice
 * and allocated twice the body in memory outside the heap, which makes V8 collect garbage early.
 * An encoding that starts while another is paused (encodeValuesSliced) grows a buffer of its own.
 */
let scratch: Buffer | undefined = Buffer.allocUnsafe(1024 * 1024);
/** the scratch is never kept bigger than this between batches */
const MAX_KEPT_SCRATCH = 64 * 1024 * 1024;

function lineWriter() {
  const own = scratch !== undefined;
  let buffer = scratch ?? Buffer.allocUnsafe(64 * 1024);
  scratch = undefined;
  let at = 0;
  return {
    /** One row; `lastJson`, if given, is its last value as JSON text already, written after the others. */
    write(row: unknown[], lastJson?: string): void {
      const line = JSON.stringify(row);
      // a UTF-16 unit takes at most 3 bytes of UTF-8; a comma, and the newline 1
      const most = (line.length + (lastJson?.length ?? 0)) * 3 + 2;
      if (at + most > buffer.length) {
        const bigger = Buffer.allocUnsafe(Math.max(buffer.length * 2, at + most));
        buffer.copy(bigger, 0, 0, at);
        buffer = bigger;
      }
      at += buffer.write(line, at, 'utf8');
      if (lastJson !== undefined) {
        // in place of the closing "]": ",last]" (or "last]" after an empty "[")
        at -= 1;
        if (row.length > 0) buffer[at++] = 0x2c;
        at += buffer.write(lastJson, at, 'utf8');
        buffer[at++] = 0x5d;
      }
      buffer[at++] = 0x0a;
    },
    /** The bytes written; the writer is done (the scratch is handed back). */
    body(): Buffer {
      if (!own) return buffer.subarray(0, at);
      const body = Buffer.from(buffer.subarray(0, at));
      scratch = buffer.length > MAX_KEPT_SCRATCH ? Buffer.allocUnsafe(1024 * 1024) : buffer;
      return body;
    },
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

/**
 * The same bytes, giving the event loop back whenever `slice` is used up (a batch of 20,000 rows is
 * ~100 ms). With `lastJson`, each row's last value is that JSON text (the rows hold the others): a
 * value that came encoded from another thread is not decoded to be encoded again.
 */
export async function encodeValuesSliced(
  columns: readonly string[],
  rows: readonly unknown[][],
  slice: EncodingSlice,
  lastJson?: readonly string[],
): Promise<EncodedRows> {
  const writer = lineWriter();
  let body: Buffer;
  try {
    for (let i = 0; i < rows.length; i += 1) {
      if (slice.due()) await slice.pause();
      writer.write(rows[i], lastJson?.[i]);
    }
  } finally {
    // the scratch goes back even should a row fail to encode
    body = writer.body();
  }
  return { columns: [...columns], body, rows: rows.length };
}
