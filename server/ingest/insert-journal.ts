// The insert in flight, on disk. An insert into case_versions feeds eight materialized views, and
// ClickHouse writes their parts one by one, not atomically: a process killed (or a connection cut)
// in the middle leaves the version stored with some rollups missing it, and the writer, seeing the
// version stored, would never add it again. So every insert is written here first, fsynced, with a
// deduplication token; after a crash or a failed insert the same rows are inserted again with the
// same token, and ClickHouse keeps each part it already has and writes the missing ones
// (deduplicate_blocks_in_dependent_materialized_views; every table fed from case_versions keeps a
// non_replicated_deduplication_window, migration 0010).
import fs from 'node:fs';
import path from 'node:path';

export interface JournalEntry<Row> {
  /** the insert's deduplication token */
  token: string;
  rows: Row[];
}

export interface InsertJournal<Row> {
  /** the insert that has not been confirmed, if any */
  pending(): JournalEntry<Row> | undefined;
  record(entry: JournalEntry<Row>): Promise<void>;
  clear(): Promise<void>;
}

export function openInsertJournal<Row>(dir: string): InsertJournal<Row> {
  const file = path.join(dir, 'inflight.json');
  fs.mkdirSync(dir, { recursive: true });
  let current = read<Row>(file);

  return {
    pending: () => current,
    async record(entry) {
      const handle = await fs.promises.open(file, 'w');
      try {
        await handle.writeFile(JSON.stringify(entry));
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
function read<Row>(file: string): JournalEntry<Row> | undefined {
  try {
    const entry = JSON.parse(fs.readFileSync(file, 'utf8')) as JournalEntry<Row>;
    return typeof entry.token === 'string' && Array.isArray(entry.rows) ? entry : undefined;
  } catch {
    return undefined;
  }
}
