// The local append-only spool: when ClickHouse cannot be reached, accepted batches are appended here
// (one JSON line per batch) and fsynced before the client gets its reply, then replayed in order
// once ClickHouse answers again. Replaying twice is harmless: the writer skips stored versions.
//
// How the file may end up, and what keeps each way from losing an acknowledged batch:
// - an append cut short (full disk, I/O error): cut back to the size before it, so the next append
//   starts on a fresh line; if even that fails, nothing is appended until the file is repaired;
// - a crash mid-append (never acknowledged): a torn last line, moved aside when the spool opens;
// - any other unreadable line: moved aside to spool/unreadable.ndjson and counted, never skipped;
// - a crash mid-rewrite: rewrites go to a temp file renamed over the spool, so one version or the other.
// Callers run one operation at a time (the ingest queue's chain).
import path from 'node:path';
import type { CaseVersion } from './case-row';
import { diskSpoolIo, type SpoolIo } from './spool-io';
import { readSpoolContent, type SpoolContent } from './spool-lines';

/** The spool's disk failed (full, read-only, I/O error). */
export class SpoolIoError extends Error {}

/** A refused version (from the spool), or a refused row of the insert log under its column names. */
export type SpoolRefusal = { version: CaseVersion; reason: string } | { row: Record<string, unknown>; reason: string };

export interface SpoolHealth {
  writable: boolean;
  /** the last I/O error, until the spool writes successfully again */
  error?: string;
}

export interface SpoolOptions {
  io?: SpoolIo;
  /** told how many unreadable lines were moved aside, and about every I/O error */
  onUnreadable?: (lines: number) => void;
  onIoError?: (operation: string) => void;
}

export interface Spool {
  /** case versions waiting in the spool */
  pendingCases(): number;
  health(): SpoolHealth;
  /** Appends one batch, fsynced; throws SpoolIoError when it could not. */
  append(batch: CaseVersion[]): Promise<void>;
  /** Replays batches oldest first through `write`; stops at the first failure, keeping the rest. */
  replay(write: (batch: CaseVersion[]) => Promise<void>): Promise<number>;
  /** Keeps versions ClickHouse refused in spool/rejected.ndjson, with the reason, for an operator. */
  setAside(refused: SpoolRefusal[]): Promise<void>;
  /** After an I/O error: repairs the file and checks that the disk takes writes again. */
  probe(): Promise<void>;
}

const casesIn = (batches: CaseVersion[][]) => batches.reduce((n, batch) => n + batch.length, 0);
const asText = (lines: string[]) => lines.map((line) => `${line}\n`).join('');

export function openSpool(dataDir: string, options: SpoolOptions = {}): Spool {
  const io = options.io ?? diskSpoolIo;
  const dir = path.join(dataDir, 'spool');
  const file = path.join(dir, 'ingest.ndjson');
  const sideFiles = { rejected: path.join(dir, 'rejected.ndjson'), unreadable: path.join(dir, 'unreadable.ndjson') };
  let pending = 0;
  /** batches at the head of the file already stored but not yet cut off (that rewrite failed) */
  let storedLines = 0;
  /** the file may hold a torn tail or unreadable lines: repaired before the next append */
  let needsRepair = true;
  let ioError: string | undefined;
  let failedBytes = 0;
  /** side files whose last append failed, so may end in a torn line */
  const tornSideFiles = new Set<string>();

  function noteError(operation: string, error: unknown, bytes: number): SpoolIoError {
    ioError = `${operation}: ${(error as Error).message}`;
    failedBytes = Math.max(failedBytes, bytes);
    options.onIoError?.(operation);
    return new SpoolIoError(`spool ${ioError}`);
  }
  function wrote(): void {
    ioError = undefined;
    failedBytes = 0;
  }

  function readContent(): SpoolContent & { exists: boolean } {
    try {
      io.mkdir(dir);
      const text = io.read(file);
      return { ...readSpoolContent(text ?? ''), exists: text !== undefined };
    } catch (error) {
      throw noteError('read', error, 0);
    }
  }

  /** Moves unreadable text aside and rewrites the file with the whole batches not yet stored. */
  async function repair(): Promise<void> {
    const content = readContent();
    if (content.unreadable.length > 0 || !content.cleanEnd || !content.exists || storedLines > 0) {
      const at = new Date().toISOString();
      const aside = content.unreadable.map((text) => JSON.stringify({ at, reason: 'unreadable spool line', text }));
      if (aside.length > 0) await appendSideLines(sideFiles.unreadable, aside);
      const kept = asText(content.lines.slice(storedLines));
      await io.replace(file, kept).catch((error) => {
        throw noteError('repair', error, kept.length);
      });
      if (aside.length > 0) options.onUnreadable?.(aside.length);
      wrote();
    }
    pending = casesIn(content.batches.slice(storedLines));
    storedLines = 0;
    needsRepair = false;
  }

  async function appendSideLines(sideFile: string, lines: string[]): Promise<void> {
    // after a failed append, start on a fresh line so that a torn one stays on its own
    const text = `${tornSideFiles.has(sideFile) ? '\n' : ''}${lines.join('\n')}\n`;
    try {
      await io.append(sideFile, text);
    } catch (error) {
      tornSideFiles.add(sideFile);
      throw noteError('append to side file', error, text.length);
    }
    tornSideFiles.delete(sideFile);
  }

  /** Cuts replayed batches off the file; on failure they stay (skipped as duplicates after a restart). */
  async function cutStored(rest: string[]): Promise<void> {
    const text = asText(rest);
    try {
      await io.replace(file, text);
      storedLines = 0;
      wrote();
    } catch (error) {
      noteError('rewrite', error, text.length);
    }
  }

  // what a previous run left, read synchronously so that the pending count is right from the start
  try {
    pending = casesIn(readContent().batches);
  } catch {
    // noted in health; the first append or replay tries again
  }

  return {
    pendingCases: () => pending,
    health: () => (ioError === undefined ? { writable: true } : { writable: false, error: ioError }),

    async append(batch) {
      if (needsRepair) await repair();
      const text = `${JSON.stringify(batch)}\n`;
      let before = 0;
      try {
        before = await io.size(file);
        await io.append(file, text);
      } catch (error) {
        // cut off whatever part of the line reached the file: the next append must not glue onto it
        await io.truncate(file, before).catch(() => (needsRepair = true));
        throw noteError('append', error, text.length);
      }
      pending += batch.length;
      wrote();
    },

    async replay(write) {
      if (pending === 0) return 0;
      // a disk that cannot be repaired now (read-only) still replays: progress is kept in memory
      if (needsRepair) await repair().catch(() => undefined);
      const { lines, batches, unreadable, cleanEnd } = readContent();
      if (unreadable.length > 0 || !cleanEnd) needsRepair = true;
      const from = storedLines;
      let done = from;
      try {
        for (; done < batches.length; done += 1) await write(batches[done]);
      } finally {
        pending = casesIn(batches.slice(done));
        storedLines = done;
        if (done > 0 && !needsRepair) await cutStored(lines.slice(done));
      }
      return done - from;
    },

    async setAside(refused) {
      const at = new Date().toISOString();
      await appendSideLines(
        sideFiles.rejected,
        refused.map((refusal) => JSON.stringify({ at, ...refusal })),
      );
    },

    async probe() {
      if (needsRepair || storedLines > 0) await repair();
      // as much as the write that failed, so a disk with a little room does not pass for recovered
      const probeFile = path.join(dir, 'probe');
      const bytes = Math.max(1, Math.min(failedBytes, 16 * 1024 * 1024));
      try {
        await io.replace(probeFile, 'x'.repeat(bytes));
        await io.remove(probeFile);
      } catch (error) {
        await io.remove(probeFile).catch(() => undefined);
        throw noteError('probe', error, bytes);
      }
      wrote();
    },
  };
}
