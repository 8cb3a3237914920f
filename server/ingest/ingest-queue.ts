// Gathers validated case versions from many requests into batched inserts (never one insert per
// case). A batch's rows are fsynced in the insert log (ingest/insert-log.ts, log-inserter.ts), which
// ClickHouse takes in oldest first: while one insert runs, the next batches are prepared and logged
// and go in together. A submit resolves once its rows are inserted; or, should ClickHouse become
// unreachable meanwhile, as they are, durable in the log. When the log's disk fails a batch is
// inserted directly; when ClickHouse cannot be reached for a look-up it is fsynced to the spool.
// While the spool holds anything, new batches go behind it, so versions reach ClickHouse in the
// order they were accepted.
//
// A case ClickHouse refuses while answering never takes another with it: the batch is split in
// halves until only the refused cases are left, and those alone are refused (live) or set aside
// (replay). Every step runs on one promise chain that never rejects, and every submit settles.
import type { Logger } from '../ops/logger';
import type { EncodedRows } from '../clickhouse/encoded-rows';
import type { Metrics } from '../ops/metrics';
import type { CaseVersion } from './case-row';
import type { CaseWriter } from './case-writer';
import { InsertLogError, type InsertLog } from './insert-log';
import { createLogInserter, type RefusedRow } from './log-inserter';
import { refusedByVersion, rowIdentity, rowObject } from './refused-rows';
import type { Spool } from './spool';

export type Durability = 'stored' | 'logged' | 'spooled';

/** Neither ClickHouse nor the spool took the cases: nothing from the request was kept. */
export class NotDurableError extends Error {}

/** ClickHouse stopped answering mid-way: the batch goes to the spool. */
class OutageError extends Error {}

export interface SubmitResult {
  durability: Durability;
  /**
   * versions of this submit refused at storing, by their position in the submitted array, with a
   * "field: reason" error; the rest are durable
   */
  refused: Map<number, string>;
}

interface Waiting {
  /** the submitted versions; emptied once their rows are logged (the reply needs only their keys) */
  versions: CaseVersion[];
  resolve: (result: SubmitResult) => void;
  reject: (error: Error) => void;
}

/** The positions in `versions` of those in `refused`. */
function refusedPositions(versions: readonly CaseVersion[], refused: Map<CaseVersion, string>): Map<number, string> {
  const byPosition = new Map<number, string>();
  if (refused.size > 0)
    versions.forEach((version, i) => {
      const reason = refused.get(version);
      if (reason !== undefined) byPosition.set(i, reason);
    });
  return byPosition;
}

export interface IngestQueueOptions {
  writer: CaseWriter;
  spool: Spool;
  metrics: Metrics;
  logger: Logger;
  maxCases: number;
  maxWaitMs: number;
  replayEveryMs?: number;
  /** whether ClickHouse answers at all: tells an outage (spool) from a refused batch (isolate) */
  isReachable: () => Promise<boolean>;
  /** where accepted rows wait for their insert; without one every batch is inserted before its reply */
  insertLog?: {
    log: InsertLog;
    insert: (encoded: EncodedRows, token: string) => Promise<void>;
    /** requests wait while the log holds more rows than this that ClickHouse is taking in */
    maxPendingRows: number;
  };
}

const MAX_REASON_CHARS = 300;

export function createIngestQueue(options: IngestQueueOptions) {
  const { writer, spool, metrics, logger } = options;
  let waiting: Waiting[] = [];
  let waitingCases = 0;
  let timer: NodeJS.Timeout | undefined;
  // every flush, replay and spool repair runs on this chain, one at a time; it never rejects
  let chain: Promise<void> = Promise.resolve();
  const enqueue = (step: () => Promise<void>): Promise<void> =>
    (chain = chain.then(step).catch((error: Error) => logger.error({ err: error.message }, 'ingest step failed')));
  metrics.spoolPending.set(spool.pendingCases());
  const logged = options.insertLog;
  const inserter = logged
    ? createLogInserter({
        log: logged.log,
        insert: logged.insert,
        isReachable: options.isReachable,
        logger,
        setAside: async (refused: RefusedRow[]) => {
          writer.forget(refused.map(rowIdentity));
          await spool.setAside(refused.map((row) => ({ row: rowObject(row), reason: row.reason })));
          metrics.spoolSetAside.inc(refused.length);
        },
        onProgress: (rows) => metrics.insertLogPending.set(rows),
      })
    : undefined;
  if (logged) metrics.insertLogPending.set(logged.log.pendingRows());

  /** Stores a batch; returns the versions refused. Throws OutageError when ClickHouse stops answering. */
  async function storeIsolating(batch: CaseVersion[]): Promise<Map<CaseVersion, string>> {
    try {
      const result = await writer.write(batch);
      metrics.casesDuplicate.inc(result.duplicates);
      return result.refused;
    } catch (error) {
      const reason = (error as Error).message.slice(0, MAX_REASON_CHARS);
      if (!(await options.isReachable())) throw new OutageError(reason);
      if (batch.length === 1) {
        logger.error({ err: reason, id: batch[0].id }, 'ClickHouse refused a case');
        return new Map([[batch[0], `(case): ClickHouse refused it: ${reason}`]]);
      }
      const half = Math.ceil(batch.length / 2);
      const first = await storeIsolating(batch.slice(0, half));
      const second = await storeIsolating(batch.slice(half));
      return new Map([...first, ...second]);
    }
  }

  async function replaySpool(): Promise<void> {
    try {
      await writer.recover();
    } catch (error) {
      logger.warn(
        { err: (error as Error).message },
        'repeating the unconfirmed insert failed: ClickHouse still failing',
      );
    }
    if (spool.pendingCases() === 0) return;
    // the spool's versions may need the store looked up: what the log holds goes in first
    if (inserter && !(await inserter.drain())) return;
    try {
      const batches = await spool.replay(async (batch) => {
        const refused = await storeIsolating(batch);
        if (refused.size === 0) return;
        // kept for an operator rather than blocking every later case
        await spool.setAside([...refused].map(([version, reason]) => ({ version, reason })));
        metrics.spoolSetAside.inc(refused.size);
        logger.error({ versions: refused.size }, 'refused spooled cases moved to spool/rejected.ndjson');
      });
      if (batches > 0) logger.info({ batches, left: spool.pendingCases() }, 'replayed spooled batches');
    } catch (error) {
      const why = error instanceof OutageError ? 'ClickHouse still failing' : 'spool unreadable';
      logger.warn({ err: (error as Error).message, left: spool.pendingCases() }, `spool replay stopped: ${why}`);
    } finally {
      metrics.spoolPending.set(spool.pendingCases());
    }
  }

  async function spoolBatch(taken: Waiting[], reason: string): Promise<void> {
    const batch = taken.flatMap((w) => w.versions);
    try {
      await spool.append(batch);
    } catch (error) {
      logger.error(
        { err: (error as Error).message, cases: batch.length },
        'ClickHouse unavailable and the spool failed',
      );
      const failure = new NotDurableError(`ClickHouse unavailable (${reason}) and ${(error as Error).message}`);
      for (const w of taken) w.reject(failure);
      return;
    }
    metrics.casesSpooled.inc(batch.length);
    metrics.spoolPending.set(spool.pendingCases());
    logger.warn({ cases: batch.length, reason }, 'ClickHouse unavailable: batch spooled');
    for (const w of taken) w.resolve({ durability: 'spooled', refused: new Map() });
  }

  /**
   * Prepares the batch's rows and appends them to the insert log: true once the waiting requests
   * are answered; false when the log's disk failed (the caller inserts directly). Throws
   * OutageError when a look-up the batch needs cannot reach ClickHouse.
   */
  async function logBatch(taken: Waiting[], batch: CaseVersion[]): Promise<boolean> {
    const { log, maxPendingRows } = logged!;
    // a look-up reads the store: what the log holds must be in it first
    if (writer.needsLookUp(batch) && !(await inserter!.drain()))
      throw new OutageError('ClickHouse cannot take the insert log in for a look-up');
    let prepared;
    try {
      prepared = await writer.prepare(batch);
    } catch (error) {
      if (!(await options.isReachable())) throw new OutageError((error as Error).message);
      throw error;
    }
    await inserter!.waitForRoom(maxPendingRows);
    let segment;
    try {
      segment = await log.append(prepared.encoded);
    } catch (error) {
      if (!(error instanceof InsertLogError)) throw error;
      logger.error({ err: error.message, cases: batch.length }, 'insert log failed: this batch is inserted directly');
      return false;
    }
    await prepared.commit();
    metrics.insertLogPending.set(log.pendingRows());
    // From here each request waits holding only what names its versions in a refused row (id and
    // time), not the versions: at high rates a second or more of them would be most of what the
    // garbage collector copies on the event loop.
    const waits = taken.map((w) => {
      const named = {
        w,
        ids: w.versions.map((v) => v.id),
        versionAtsMs: w.versions.map((v) => v.versionAtMs),
        refused: refusedPositions(w.versions, prepared.refused),
      };
      w.versions = [];
      return named;
    });
    /** `inserted`: the rows are in ClickHouse, but for `refusedRows` */
    const answer = (refusedRows: RefusedRow[], inserted: boolean): RefusedRow[] => {
      const refusedRow = refusedByVersion(refusedRows);
      for (const { w, ids, versionAtsMs, refused } of waits) {
        if (refusedRows.length > 0)
          ids.forEach((id, i) => {
            const reason = refused.has(i) ? undefined : refusedRow.refusedOf(id, versionAtsMs[i]);
            if (reason !== undefined) refused.set(i, reason);
          });
        w.resolve({ durability: inserted ? 'stored' : 'logged', refused });
      }
      if (refusedRows.length > 0) writer.forget(refusedRows.map(rowIdentity));
      return refusedRow.unclaimed();
    };
    // the requests wait for their rows' insert: what they read after the reply holds their cases, and
    // the reply names a case ClickHouse refuses. Should ClickHouse become unreachable meanwhile, they
    // are answered as they are: durable in the log, inserted once it answers again.
    if (segment) inserter!.watch(segment, (refusedRows) => answer(refusedRows ?? [], !!refusedRows));
    // nothing new to store (every version a duplicate or refused up front) counts as stored
    else answer([], true);
    void inserter!.kick();
    return true;
  }

  async function flush(taken: Waiting[]): Promise<void> {
    await replaySpool();
    // while the spool holds anything, new batches go behind it, in order
    if (spool.pendingCases() > 0) return spoolBatch(taken, 'spool not yet drained');
    if (logged) {
      try {
        if (
          await logBatch(
            taken,
            taken.flatMap((w) => w.versions),
          )
        )
          return;
      } catch (error) {
        if (error instanceof OutageError) return spoolBatch(taken, error.message);
        throw error;
      }
    }
    let refused: Map<CaseVersion, string>;
    try {
      refused = await storeIsolating(taken.flatMap((w) => w.versions));
    } catch (error) {
      if (error instanceof OutageError) return spoolBatch(taken, error.message);
      throw error;
    }
    for (const w of taken) w.resolve({ durability: 'stored', refused: refusedPositions(w.versions, refused) });
  }

  let flushQueued = false;
  /** Queues one flush behind the running one: while a flush runs, submits gather into the next. */
  function queueFlush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (flushQueued) return;
    flushQueued = true;
    void enqueue(async () => {
      flushQueued = false;
      const taken = waiting;
      waiting = [];
      waitingCases = 0;
      if (taken.length === 0) return;
      // a failure no branch above expected still answers every request (a promise settles once)
      await flush(taken).catch((error: Error) => {
        for (const w of taken) w.reject(error);
        throw error;
      });
    });
  }

  function schedule(now: boolean): void {
    if (now) queueFlush();
    else if (!timer && !flushQueued) timer = setTimeout(queueFlush, options.maxWaitMs);
  }

  /** Repairs a failed spool disk once it takes writes again, and replays what it holds. */
  async function maintain(): Promise<void> {
    // the disk's own error is in spool.health(), for /healthz
    if (!spool.health().writable) await spool.probe().catch(() => undefined);
    await inserter?.kick();
    await replaySpool();
  }

  // at most one maintenance step queued: a ClickHouse that hangs must not pile them up behind it
  let maintenanceQueued = false;
  const maintainTimer = setInterval(() => {
    const logHolds = (logged?.log.pendingRows() ?? 0) > 0;
    if (maintenanceQueued || (spool.health().writable && spool.pendingCases() === 0 && !logHolds)) return;
    maintenanceQueued = true;
    void enqueue(() => maintain().finally(() => (maintenanceQueued = false)));
  }, options.replayEveryMs ?? 2000);
  maintainTimer.unref();

  return {
    submit(versions: CaseVersion[]): Promise<SubmitResult> {
      return new Promise<SubmitResult>((resolve, reject) => {
        waiting.push({ versions, resolve, reject });
        waitingCases += versions.length;
        schedule(waitingCases >= options.maxCases);
      });
    },
    /** Flushes what is waiting and what the log holds, as far as ClickHouse takes it (shutdown). */
    async close(): Promise<void> {
      clearInterval(maintainTimer);
      schedule(true);
      await chain;
      await inserter?.drain();
    },
    /** Inserts what the insert log holds (start-up: before the server says it is ready); false if ClickHouse could not take it. */
    drainLog: (): Promise<boolean> => inserter?.drain() ?? Promise.resolve(true),
    /** rows acknowledged in the insert log and not yet in ClickHouse */
    loggedRows: (): number => logged?.log.pendingRows() ?? 0,
    /** Inserts what the log holds and replays the spool now (start-up, tests). */
    replayNow: (): Promise<void> =>
      enqueue(async () => {
        await inserter?.kick();
        await replaySpool();
      }),
  };
}

export type IngestQueue = ReturnType<typeof createIngestQueue>;
