// The insert in flight, on disk. An insert into case_versions feeds ten materialized views, and
// ClickHouse writes their parts one by one, not atomically: a process killed (or a connection cut)
// in the middle leaves the version stored with some rollups missing it, and the writer, seeing the
// version stored, would never add it again. So every insert is written here first, fsynced, with a
// deduplication token; after a crash or a failed insert the same rows are inserted again with the
// same token, and ClickHouse keeps each part it already has and writes the missing ones
// (deduplicate_blocks_in_dependent_materialized_views; every table fed from case_versions keeps a
// non_replicated_deduplication_window, migration 0010).
//
// The file holds one header line (token, columns, body length) and then the insert's body exactly as
// it is sent (JSONCompactEachRow): the batch is encoded once, and written with one system call.
import fs from 'node:fs';
import path from 'node:path';
import { encodeRows, type EncodedRows } from '../clickhouse/encoded-rows';

export interface JournalEntry {
  /** the insert's deduplication token */
  token: string;
  encoded: EncodedRows;
}

export interface InsertJournal {
  /** the insert that has not been confirmed, if any */
  pending(): JournalEntry | undefined;
  record(entry: JournalEntry): Promise<void>;
  clear(): Promise<void>;
}

interface Header {
  token: string;
  columns: string[];
  rows: number;
  bytes: number;
}

export function openInsertJournal(dir: string): InsertJournal {
  const file = path.join(dir, 'inflight.json');
  fs.mkdirSync(dir, { recursive: true });
  let current = read(file);

  return {
    pending: () => current,
    async record(entry) {
      const { token, encoded } = entry;
      const header: Header = { token, columns: encoded.columns, rows: encoded.rows, bytes: encoded.body.length };
      const handle = await fs.promises.open(file, 'w');
      try {
        const parts = [Buffer.from(`${JSON.stringify(header)}\n`), encoded.body];
        const total = parts[0].length + parts[1].length;
        // one call on the thread pool, not one per 512 kB chunk queued behind the engine's work
        let written = (await handle.writev(parts)).bytesWritten;
        while (written < total) written += (await handle.write(Buffer.concat(parts).subarray(written))).bytesWritten;
        await handle.sync();
      } finally {
        await handle.close();
      }
      current = entry;
    },
    async clear() {
      current = undefined;
      // not fsynced: should the removal be lost in a crash, the rows go in again and are deduplicated
      await fs.promises.rm(file, { force: true });
    },
  };
}

/** A journal torn mid-write belongs to an insert that never started: nothing to repeat. */
function read(file: string): JournalEntry | undefined {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  const newline = bytes.indexOf(10);
  try {
    if (bytes[0] === 0x7b && newline > 0) {
      const header = JSON.parse(bytes.subarray(0, newline).toString('utf8')) as Partial<Header>;
      const body = bytes.subarray(newline + 1);
      if (typeof header.token === 'string' && Array.isArray(header.columns) && header.bytes === body.length)
        return { token: header.token, encoded: { columns: header.columns, body, rows: header.rows ?? 0 } };
    }
    // written by an earlier version: one JSON object with the rows
    const entry = JSON.parse(bytes.toString('utf8')) as { token?: unknown; rows?: unknown };
    if (typeof entry.token === 'string' && Array.isArray(entry.rows))
      return { token: entry.token, encoded: encodeRows(entry.rows as object[]) };
  } catch {
    // torn
  }
  return undefined;
}
