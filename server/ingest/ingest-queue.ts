// Gathers validated case versions from many requests into batched inserts (never one insert per
// case). A submit resolves once its cases are durable: stored in ClickHouse, or fsynced to the
// spool when ClickHouse cannot be reached. While the spool holds anything, new batches go behind
// it, so versions reach ClickHouse in the order they were accepted.
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import type { CaseVersion } from './case-row';
import type { CaseWriter } from './case-writer';
import type { Spool } from './spool';

export type Durability = 'stored' | 'spooled';

/** ClickHouse answered but refused the cases: a data problem, not an outage, so they are not spooled. */
export class StoreRejectedError extends Error {}

interface Waiting {
  versions: CaseVersion[];
  resolve: (durability: Durability) => void;
  reject: (error: Error) => void;
}

export interface IngestQueueOptions {
  writer: CaseWriter;
  spool: Spool;
  metrics: Metrics;
  logger: Logger;
  maxCases: number;
  maxWaitMs: number;
  replayEveryMs?: number;
  /** whether ClickHouse answers at all: tells an outage (spool) from a refused batch (don't) */
  isReachable: () => Promise<boolean>;
}

export function createIngestQueue(options: IngestQueueOptions) {
  const { writer, spool, metrics, logger } = options;
  let waiting: Waiting[] = [];
  let waitingCases = 0;
  let timer: NodeJS.Timeout | undefined;
  // every flush and replay runs on this chain, one at a time
  let chain: Promise<void> = Promise.resolve();
  metrics.spoolPending.set(spool.pendingCases());

  async function store(batch: CaseVersion[]): Promise<void> {
    const result = await writer.write(batch);
    metrics.casesDuplicate.inc(result.duplicates);
  }

  async function replaySpool(): Promise<void> {
    while (spool.pendingCases() > 0) {
      try {
        const batches = await spool.replay(store);
        if (batches > 0) logger.info({ batches, left: spool.pendingCases() }, 'replayed spooled batches');
        break;
      } catch (error) {
        const reason = (error as Error).message;
        if (!(await options.isReachable())) {
          logger.warn({ err: reason, left: spool.pendingCases() }, 'spool replay stopped: ClickHouse still failing');
          break;
        }
        // answering yet refusing the same batch: set it aside rather than block every later case
        const moved = await spool.setAsideHead(reason);
        metrics.spoolSetAside.inc(moved);
        logger.error({ err: reason, versions: moved }, 'ClickHouse refused a spooled batch: moved to spool/rejected.ndjson');
      }
    }
    metrics.spoolPending.set(spool.pendingCases());
  }

  async function spoolBatch(taken: Waiting[], reason: string): Promise<void> {
    const batch = taken.flatMap((w) => w.versions);
    try {
      await spool.append(batch);
    } catch (spoolError) {
      for (const w of taken) w.reject(spoolError as Error);
      return;
    }
    metrics.casesSpooled.inc(batch.length);
    metrics.spoolPending.set(spool.pendingCases());
    logger.warn({ cases: batch.length, reason }, 'ClickHouse unavailable: batch spooled');
    for (const w of taken) w.resolve('spooled');
  }

  /** ClickHouse refused a gathered batch while answering: store request by request, so only the request with the bad data fails. */
  async function storeEach(taken: Waiting[]): Promise<void> {
    for (const [i, w] of taken.entries()) {
      try {
        await store(w.versions);
        w.resolve('stored');
      } catch (error) {
        const reason = (error as Error).message;
        if (!(await options.isReachable())) return spoolBatch(taken.slice(i), reason);
        logger.error({ err: reason, cases: w.versions.length }, 'ClickHouse refused the cases of one request');
        w.reject(new StoreRejectedError(reason));
      }
    }
  }

  async function flush(): Promise<void> {
    const taken = waiting;
    waiting = [];
    waitingCases = 0;
    if (taken.length === 0) return;
    await replaySpool();
    // while the spool holds anything, new batches go behind it, in order
    if (spool.pendingCases() > 0) return spoolBatch(taken, 'spool not yet drained');
    try {
      await store(taken.flatMap((w) => w.versions));
    } catch (error) {
      const reason = (error as Error).message;
      if (await options.isReachable()) return storeEach(taken);
      return spoolBatch(taken, reason);
    }
    for (const w of taken) w.resolve('stored');
  }

  let flushQueued = false;
  /** Queues one flush behind the running one: while a flush runs, submits gather into the next. */
  function queueFlush(): void {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (flushQueued) return;
    flushQueued = true;
    chain = chain.then(() => {
      flushQueued = false;
      return flush();
    });
  }

  function schedule(now: boolean): void {
    if (now) queueFlush();
    else if (!timer && !flushQueued) timer = setTimeout(queueFlush, options.maxWaitMs);
  }

  const replayTimer = setInterval(() => {
    if (spool.pendingCases() > 0) chain = chain.then(replaySpool);
  }, options.replayEveryMs ?? 2000);
  replayTimer.unref();

  return {
    submit(versions: CaseVersion[]): Promise<Durability> {
      return new Promise<Durability>((resolve, reject) => {
        waiting.push({ versions, resolve, reject });
        waitingCases += versions.length;
        schedule(waitingCases >= options.maxCases);
      });
    },
    /** Flushes what is waiting (graceful shutdown) and stops the replay timer. */
    async close(): Promise<void> {
      clearInterval(replayTimer);
      schedule(true);
      await chain;
    },
    /** Replays the spool now (start-up, tests). */
    replayNow(): Promise<void> {
      chain = chain.then(replaySpool);
      return chain;
    },
  };
}

export type IngestQueue = ReturnType<typeof createIngestQueue>;
