// The local append-only spool: when ClickHouse cannot be reached, accepted batches are appended here
// (one JSON line per batch) and fsynced before the client gets its reply, then replayed in order
// once ClickHouse answers again. Replaying twice is harmless: the writer skips stored versions.
import fs from 'node:fs';
import path from 'node:path';
import type { CaseVersion } from './case-row';

export interface Spool {
  /** case versions waiting in the spool */
  pendingCases(): number;
  append(batch: CaseVersion[]): Promise<void>;
  /** Replays batches oldest first through `write`; stops at the first failure, keeping the rest. */
  replay(write: (batch: CaseVersion[]) => Promise<void>): Promise<number>;
  /**
   * Moves the oldest batch to spool/rejected.ndjson with the reason, for an operator to look at:
   * for a batch ClickHouse keeps refusing while it answers, which would otherwise block the spool
   * forever. Returns how many case versions it moved.
   */
  setAsideHead(reason: string): Promise<number>;
}

export function openSpool(dataDir: string): Spool {
  const dir = path.join(dataDir, 'spool');
  const file = path.join(dir, 'ingest.ndjson');
  const rejectedFile = path.join(dir, 'rejected.ndjson');
  fs.mkdirSync(dir, { recursive: true });
  let pending = readBatches(file).reduce((n, batch) => n + batch.length, 0);

  return {
    pendingCases: () => pending,

    async append(batch) {
      await appendSynced(file, `${JSON.stringify(batch)}\n`);
      pending += batch.length;
    },

    async replay(write) {
      const batches = readBatches(file);
      let done = 0;
      try {
        for (const batch of batches) {
          await write(batch);
          done += 1;
        }
      } finally {
        if (done > 0) await rewrite(file, batches.slice(done));
        pending = batches.slice(done).reduce((n, batch) => n + batch.length, 0);
      }
      return done;
    },

    async setAsideHead(reason) {
      const [head, ...rest] = readBatches(file);
      if (!head) return 0;
      await appendSynced(rejectedFile, `${JSON.stringify({ at: new Date().toISOString(), reason, versions: head })}\n`);
      await rewrite(file, rest);
      pending = rest.reduce((n, batch) => n + batch.length, 0);
      return head.length;
    },
  };
}

async function appendSynced(file: string, text: string): Promise<void> {
  const handle = await fs.promises.open(file, 'a');
  try {
    await handle.write(text);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function readBatches(file: string): CaseVersion[][] {
  if (!fs.existsSync(file)) return [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const batches: CaseVersion[][] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    try {
      batches.push(JSON.parse(line) as CaseVersion[]);
    } catch {
      // a torn last line from a crash mid-append: that batch was never acknowledged
    }
  }
  return batches;
}

/** Replaces the spool with what is left, atomically (write, fsync, rename). */
async function rewrite(file: string, batches: CaseVersion[][]): Promise<void> {
  const temp = `${file}.tmp`;
  const handle = await fs.promises.open(temp, 'w');
  try {
    await handle.write(batches.map((b) => `${JSON.stringify(b)}\n`).join(''));
    await handle.sync();
  } finally {
    await handle.close();
  }
  await fs.promises.rename(temp, file);
}
