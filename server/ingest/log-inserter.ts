// Inserts the insert log's segments into ClickHouse, oldest first, one at a time, and tells the requests
// waiting for them (ingest/insert-log.ts). A segment goes in whole with its name as the deduplication token, so a
// repeat after a failure or a crash writes only what is missing. ClickHouse unreachable: the segments
// stay, and the next kick (every append, and the ingest queue's maintenance every 2 s) tries again.
// A segment ClickHouse refuses while answering is split in halves, each with a token derived from
// its parent's, until only the refused rows are left: those are set aside for an operator
// (spool/rejected.ndjson) and every other row is stored.
import type { EncodedRows } from '../clickhouse/encoded-rows';
import type { Logger } from '../ops/logger';
import type { InsertLog, LogSegment } from './insert-log';

export interface RefusedRow {
  /** the row as sent: a JSON array under `columns` */
  line: string;
  columns: string[];
  reason: string;
}

export interface LogInserterOptions {
  log: InsertLog;
  insert: (encoded: EncodedRows, token: string) => Promise<void>;
  /** whether ClickHouse answers at all: tells an outage (keep, retry) from a refusal (isolate) */
  isReachable: () => Promise<boolean>;
  setAside: (refused: RefusedRow[]) => Promise<void>;
  logger: Logger;
  /** after each segment stored, with the rows the log still holds */
  onProgress?: (pendingRows: number) => void;
}

class Unreachable extends Error {}

/**
 * Told when a segment's insert is over: with the rows ClickHouse refused (it returns those it does
 * not answer for), or undefined when ClickHouse could not be reached and the segment stays logged.
 */
export type SegmentWatcher = (refused: RefusedRow[] | undefined) => RefusedRow[];

const MAX_REASON_CHARS = 300;

/** The body's rows as separate lines (a newline byte only ends a row: JSON escapes it in strings). */
function splitRows(encoded: EncodedRows): [EncodedRows, EncodedRows] {
  const { body } = encoded;
  const half = Math.ceil(encoded.rows / 2);
  let at = 0;
  for (let row = 0; row < half; row += 1) at = body.indexOf(10, at) + 1;
  return [
    { columns: encoded.columns, body: body.subarray(0, at), rows: half },
    { columns: encoded.columns, body: body.subarray(at), rows: encoded.rows - half },
  ];
}

export function createLogInserter(options: LogInserterOptions) {
  const { log, logger } = options;
  let running: Promise<void> | undefined;
  let again = false;
  /** the last attempt found ClickHouse unreachable: the log is growing, not draining */
  let failing = false;
  const waitingForRoom: Array<() => void> = [];
  const watchers = new Map<LogSegment, SegmentWatcher[]>();
  function releaseWatchers(): void {
    for (const list of watchers.values()) for (const watch of list) watch(undefined);
    watchers.clear();
  }

  async function insertIsolating(encoded: EncodedRows, token: string): Promise<RefusedRow[]> {
    try {
      await options.insert(encoded, token);
      return [];
    } catch (error) {
      const reason = (error as Error).message.slice(0, MAX_REASON_CHARS);
      if (!(await options.isReachable())) throw new Unreachable(reason);
      if (encoded.rows <= 1) {
        const line = encoded.body.toString('utf8').trimEnd();
        return [{ line, columns: encoded.columns, reason: `(case): ClickHouse refused it: ${reason}` }];
      }
      const [first, second] = splitRows(encoded);
      return [...(await insertIsolating(first, `${token}.a`)), ...(await insertIsolating(second, `${token}.b`))];
    }
  }

  async function drainSegments(): Promise<void> {
    do {
      again = false;
      for (let segment = log.next(); segment; segment = log.next()) {
        const encoded = await log.read(segment);
        let refused: RefusedRow[];
        try {
          refused = await insertIsolating(encoded, segment.name);
        } catch (error) {
          if (!(error instanceof Unreachable)) throw error;
          failing = true;
          logger.warn({ err: error.message, rows: log.pendingRows() }, 'insert log kept: ClickHouse unreachable');
          releaseWatchers();
          return;
        }
        failing = false;
        for (const watch of watchers.get(segment) ?? []) refused = watch(refused);
        watchers.delete(segment);
        if (refused.length > 0) {
          logger.error({ rows: refused.length }, 'refused rows of the insert log moved to spool/rejected.ndjson');
          await options.setAside(refused);
        }
        await log.done(segment);
        options.onProgress?.(log.pendingRows());
        for (const wake of waitingForRoom.splice(0)) wake();
      }
    } while (again);
  }

  /** Starts inserting what the log holds, or asks the running pass to look again when it ends. */
  function kick(): Promise<void> {
    again = true;
    if (!running) {
      running = drainSegments()
        .catch((error: Error) => {
          failing = true;
          logger.error({ err: error.message }, 'insert log pass failed');
          releaseWatchers();
        })
        .finally(() => {
          running = undefined;
          // kicked after the pass had looked for the last time: look again (not while unreachable)
          if (again && !failing) void kick();
          for (const wake of waitingForRoom.splice(0)) wake();
        });
    }
    return running;
  }

  return {
    kick,
    /** Tells `watch` when the segment's insert is over (see SegmentWatcher). */
    watch(segment: LogSegment, watch: SegmentWatcher): void {
      watchers.set(segment, [...(watchers.get(segment) ?? []), watch]);
    },
    /** Everything the log holds is in ClickHouse; false when ClickHouse could not take it now. */
    async drain(): Promise<boolean> {
      while (log.pendingRows() > 0) {
        const before = log.pendingRows();
        await kick();
        if (failing || log.pendingRows() >= before) return false;
      }
      return true;
    },
    /**
     * Waits while the log holds more than `maxRows` that ClickHouse is taking in (a slow insert
     * holds requests back rather than memory growing); while ClickHouse is unreachable the log
     * grows on disk instead, as the spool would.
     */
    async waitForRoom(maxRows: number): Promise<void> {
      while (log.pendingRows() > maxRows && !failing) {
        const progressed = new Promise<void>((resolve) => waitingForRoom.push(resolve));
        void kick();
        await progressed;
      }
    },
    failing: () => failing,
  };
}

export type LogInserter = ReturnType<typeof createLogInserter>;
