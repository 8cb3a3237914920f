// History for an empty store: the last N days of national cases at the real rate, newest day first so
// the wall has today within seconds while older days keep loading. Each case is posted with all its
// versions due by now (old cases arrive closed, recent ones still open); the later steps of recent
// open cases are handed to the live simulation. Everything goes through the HTTP ingest API.
// Also used to resume after a restart (`resume`): versions newer than the store's newest are posted,
// an interrupted history is continued, and the live scheduler is primed with the open cases again.
import type { CaseInput } from '@shared/case-schema';
import { DAY_MS } from '@shared/time';
import { systemClock, type Clock } from '@server/clock';
import type { Logger } from '@server/ops/logger';
import { takeDueVersions, type CaseSeed, type SimCase } from './case-factory';
import type { CaseSink } from './http-sink';
import { cstDayIndex, cstDayStart } from './intensity';
import type { CaseModel } from './model';
import { BackfillProgress } from './progress';

export interface BackfillOptions {
  model: CaseModel;
  sink: CaseSink;
  logger: Logger;
  /** end of the history window (exclusive): where live takes over */
  untilMs: number;
  /** length of the window in days (default 90), unless `fromMs` is given */
  days?: number;
  fromMs?: number;
  /** resume after a restart: for cases received at or after `frontierMs` (those the store already
   * holds), post only versions later than `lastVersionMs`; older ones are posted whole */
  resume?: { lastVersionMs: number; frontierMs: number };
  /** what "now" is when deciding which versions are due */
  clock?: Clock;
  /** the later steps of open cases, for the live scheduler */
  onPending?: (seed: CaseSeed, step: number, atMs: number, build: (seed: CaseSeed) => SimCase) => void;
  /** versions per POST */
  batchSize?: number;
  /** draw progress (bar on a terminal, log lines otherwise) */
  progress?: boolean;
}

export interface BackfillSummary {
  days: number;
  cases: number;
  versions: number;
  stopped: boolean;
}

export interface BackfillRun {
  /** resolves once the newest day is accepted by the ingest */
  firstDay: Promise<void>;
  done: Promise<BackfillSummary>;
  /** stops after the batch being generated and waits for the posts in flight */
  stop(): Promise<BackfillSummary>;
}

/** [from, until) cut at Beijing midnights, newest first. */
export function daySpans(fromMs: number, untilMs: number): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let end = untilMs;
  while (end > fromMs) {
    const start = Math.max(fromMs, cstDayStart(cstDayIndex(end - 1)));
    spans.push([start, end]);
    end = start;
  }
  return spans;
}

/** Cases generated between yields to the event loop: the server shares this thread. */
const CASES_PER_SLICE = 500;

export function startBackfill(options: BackfillOptions): BackfillRun {
  const clock = options.clock ?? systemClock;
  const fromMs = options.fromMs ?? options.untilMs - (options.days ?? 90) * DAY_MS;
  const spans = daySpans(fromMs, options.untilMs);
  const totalMs = options.untilMs - fromMs;
  const batchSize = options.batchSize ?? 3000;
  const build = (seed: CaseSeed) => options.model.build(seed);
  const progress = options.progress ? new BackfillProgress({ logger: options.logger }) : undefined;
  const summary: BackfillSummary = { days: 0, cases: 0, versions: 0, stopped: false };
  let coveredMs = 0;
  let stopRequested = false;
  let resolveFirstDay!: () => void;
  const firstDay = new Promise<void>((resolve) => (resolveFirstDay = resolve));

  const snapshot = () => ({
    daysDone: summary.days,
    totalDays: spans.length,
    fraction: totalMs > 0 ? coveredMs / totalMs : 1,
    cases: summary.cases,
  });

  async function runSpan([start, end]: [number, number]): Promise<void> {
    let batch: CaseInput[] = [];
    // newest first within the day too: the store's oldest case then marks how far an interrupted
    // backfill got, and a restart continues below it (see demo.ts)
    const seeds = options.model.arrivals(start, end).reverse();
    const resume = options.resume;
    for (let i = 0; i < seeds.length && !stopRequested; i += 1) {
      const seed = seeds[i];
      const sim = build(seed);
      const nowMs = clock.now();
      const postAfter = resume && seed.receivedAtMs >= resume.frontierMs ? resume.lastVersionMs : -Infinity;
      const next = takeDueVersions(sim, 0, nowMs, batch, postAfter);
      if (next >= 0) options.onPending?.(seed, next, sim.steps[next].atMs, build);
      summary.cases += 1;
      if (batch.length >= batchSize) {
        summary.versions += batch.length;
        await options.sink.submit(batch);
        batch = [];
      }
      if (i % CASES_PER_SLICE === CASES_PER_SLICE - 1) {
        await new Promise((resolve) => setImmediate(resolve));
        progress?.update({ ...snapshot(), fraction: (coveredMs + ((end - start) * i) / seeds.length) / totalMs });
      }
    }
    summary.versions += batch.length;
    await options.sink.submit(batch);
  }

  const done = (async () => {
    try {
      for (const span of spans) {
        if (stopRequested) break;
        await runSpan(span);
        if (summary.days === 0) {
          await options.sink.drain();
          resolveFirstDay();
        }
        if (stopRequested) break;
        summary.days += 1;
        coveredMs += span[1] - span[0];
        progress?.update(snapshot());
      }
      await options.sink.drain();
    } catch (error) {
      options.logger.error({ err: error }, 'backfill failed');
    } finally {
      resolveFirstDay();
      summary.stopped = stopRequested;
      progress?.finish(snapshot());
    }
    options.logger.info(
      { ...summary, sink: options.sink.stats },
      summary.stopped ? 'backfill stopped' : 'backfill done',
    );
    return summary;
  })();

  return {
    firstDay,
    done,
    async stop() {
      stopRequested = true;
      const result = await done;
      await options.sink.close();
      return result;
    },
  };
}
