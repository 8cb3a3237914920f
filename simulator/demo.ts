// `npm run demo`: fills an empty store with 90 days of national history in the background (newest
// day first) and simulates live intake, all through the HTTP ingest API. With data already stored it
// resumes instead: an interrupted backfill continues, the gap since the newest stored version is
// filled and the open cases of the last 30 days continue their lifecycles (seamless with the same
// SIM_SEED and SIM_SPEED). Returns a stop function that ends both and awaits their posts.
import { DAY_MS } from '@shared/time';
import type { CommandWallServer } from '@server/create-server';
import type { SimulatorConfig } from './config';
import { startBackfill, type BackfillRun } from './backfill';
import { HttpSink } from './http-sink';
import { LiveSimulation } from './live';
import { CaseModel } from './model';
import { planHistory, readStoreState, type StoreState } from './history-plan';
import { SCENARIO_TYPES, type ScenarioType } from './scenarios';

/**
 * What the demo takes from the server it feeds, beside its HTTP API: the logger, a token the ingest
 * accepts (read from the token store, as an operator would copy it) and ClickHouse to read how much
 * history is already stored. It never writes through these: every case goes over HTTP.
 */
export type DemoServer = Pick<CommandWallServer, 'logger' | 'tokens' | 'clickhouse'>;

export interface DemoOptions {
  server: DemoServer;
  simulator: SimulatorConfig;
  baseUrl: string;
  /** history length for an empty store */
  days?: number;
  /** longest wait for the newest day before returning (the server is already answering) */
  firstDayTimeoutMs?: number;
}

/** The stop function, which can also start an incident now (demos, tests). */
export type StopDemo = (() => Promise<void>) & {
  inject?: (type: ScenarioType) => void;
  /** resolves once the whole history is stored (benchmarks measure a wall on a server at rest) */
  historyStored?: Promise<void>;
};

export async function runDemo({
  server,
  simulator,
  baseUrl,
  days = 90,
  firstDayTimeoutMs = 20_000,
}: DemoOptions): Promise<StopDemo> {
  const logger = server.logger;
  const ingestToken = (server.tokens.firstOf('ingest') ?? server.tokens.firstOf('admin'))?.token;
  if (!ingestToken) {
    logger.error('simulator: no ingest or admin token in the token store; not simulating');
    return async () => {};
  }
  const token: string = ingestToken;
  const nowMs = Date.now();
  const { seed, lateShare, rate: rateScale } = simulator;
  const liveModel = new CaseModel({ seed, speed: simulator.speed, lateShare, rateScale });
  // history is always at the real rate; at SIM_SPEED 1 it is the very same stream as live
  const historyModel = liveModel.speed === 1 ? liveModel : new CaseModel({ seed, lateShare, rateScale });
  const live = new LiveSimulation({
    model: liveModel,
    sink: new HttpSink({ baseUrl, token, logger, name: 'live', concurrency: 1 }),
    logger,
    startMs: nowMs,
  });

  let backfill: BackfillRun | undefined;
  let stopped = false;
  function startHistory(store: StoreState): Promise<void> {
    if (stopped) return Promise.resolve();
    const plan = planHistory(nowMs, days, store);
    logger.info(
      {
        seed: simulator.seed,
        speed: liveModel.speed,
        storedCases: store.cases,
        days: Math.round(((nowMs - plan.fromMs) / DAY_MS) * 10) / 10,
        resumeAfter: plan.resume ? new Date(plan.resume.lastVersionMs).toISOString() : undefined,
      },
      plan.resume ? 'simulator: store not empty, resuming' : 'simulator: empty store, backfilling history',
    );
    backfill = startBackfill({
      model: historyModel,
      sink: new HttpSink({ baseUrl, token, logger, name: 'backfill', concurrency: 2 }),
      logger,
      untilMs: nowMs,
      fromMs: plan.fromMs,
      resume: plan.resume,
      onPending: (seed, step, atMs, build) => live.schedule(seed, step, atMs, build),
      progress: true,
    });
    return backfill.firstDay;
  }

  // The store's state decides the history. Should ClickHouse not answer yet, live starts anyway (the
  // ingest spools) and the history follows once it does; cases before `nowMs` are the history's.
  let history: Promise<void>;
  const store = await readStoreState(server.clickhouse).catch((error: Error) => error);
  if (!(store instanceof Error)) history = startHistory(store);
  else {
    history = (async () => {
      for (let error = store, attempt = 0; !stopped; attempt += 1) {
        if (attempt % 12 === 0)
          logger.warn(
            { err: error.message },
            'simulator: cannot read the store yet; history will follow (retrying every 5 s)',
          );
        await new Promise((resolve) => setTimeout(resolve, 5000));
        if (stopped) return;
        const state = await readStoreState(server.clickhouse).catch((e: Error) => e);
        if (!(state instanceof Error)) return startHistory(state);
        error = state;
      }
    })();
  }
  live.start();

  // SIM_INJECT=food-poisoning,prepaid-collapse starts incidents now (a demo that needs one on cue)
  for (const type of simulator.inject) {
    if ((SCENARIO_TYPES as readonly string[]).includes(type)) live.inject(type as ScenarioType);
    else logger.warn({ type, known: SCENARIO_TYPES }, 'SIM_INJECT: unknown incident type');
  }

  let timeout: NodeJS.Timeout | undefined;
  await Promise.race([history, new Promise((resolve) => (timeout = setTimeout(resolve, firstDayTimeoutMs)))]);
  clearTimeout(timeout);

  const stop: StopDemo = async () => {
    stopped = true;
    await backfill?.stop();
    await live.stop();
  };
  stop.inject = (type) => void live.inject(type);
  stop.historyStored = history.then(async () => void (await backfill?.done));
  return stop;
}
