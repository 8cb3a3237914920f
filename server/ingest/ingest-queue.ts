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
    if (spool.pendingCases() === 0) return;
    try {
      const batches = await spool.replay(store);
      if (batches > 0) logger.info({ batches, left: spool.pendingCases() }, 'replayed spooled batches');
    } catch (error) {
      logger.warn({ err: (error as Error).message, left: spool.pendingCases() }, 'spool replay stopped: ClickHouse still failing');
    }
    metrics.spoolPending.set(spool.pendingCases());
  }

  async function flush(): Promise<void> {
    const taken = waiting;
    waiting = [];
    waitingCases = 0;
    if (taken.length === 0) return;
    const batch = taken.flatMap((w) => w.versions);
    let durability: Durability = 'stored';
    try {
      await replaySpool();
      if (spool.pendingCases() > 0) throw new Error('spool not yet drained');
      await store(batch);
    } catch (error) {
      durability = 'spooled';
      try {
        await spool.append(batch);
        metrics.casesSpooled.inc(batch.length);
        metrics.spoolPending.set(spool.pendingCases());
        logger.warn({ cases: batch.length, reason: (error as Error).message }, 'ClickHouse unavailable: batch spooled');
      } catch (spoolError) {
        for (const w of taken) w.reject(spoolError as Error);
        return;
      }
    }
    for (const w of taken) w.resolve(durability);
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
