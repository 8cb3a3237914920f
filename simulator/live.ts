// Live simulation: every tick (250 ms) posts the cases that arrived since the last tick and the later
// versions of earlier cases whose time has come. The simulated clock is the real clock; SIM_SPEED
// makes arrivals that many times denser and lifecycles that many times shorter, so no case or
// version ever carries a time in the future.
import type { CaseInput } from '@shared/case-schema';
import { systemClock, type Clock } from '@server/clock';
import type { Logger } from '@server/ops/logger';
import { takeDueVersions, type CaseSeed, type SimCase } from './case-factory';
import type { CaseSink } from './http-sink';
import type { CaseModel } from './model';
import { PendingSteps } from './pending-steps';
import type { Scenario, ScenarioType } from './scenarios';

export interface LiveOptions {
  model: CaseModel;
  sink: CaseSink;
  logger: Logger;
  clock?: Clock;
  tickMs?: number;
  /** cases received from this instant on are live's; before it, the backfill's */
  startMs?: number;
  /** most versions one post carries */
  batchSize?: number;
}

export interface LiveStats {
  cases: number;
  versions: number;
}

/** Due steps handled per tick, so a backlog (after the backfill's handoff) never stalls the server. */
const MAX_DUE_PER_TICK = 20_000;
/** Arrivals generated per tick at most: a stalled loop catches up over several ticks. */
const MAX_SPAN_PER_TICK_MS = 5 * 60_000;
/** Further behind than this (the machine slept, the clock jumped), live skips ahead rather than flood. */
const MAX_LAG_MS = 60 * 60_000;
const LOG_EVERY_MS = 60_000;

export class LiveSimulation {
  readonly pending = new PendingSteps();
  readonly stats: LiveStats = { cases: 0, versions: 0 };
  private readonly clock: Clock;
  private lastMs: number;
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private lastLogMs = 0;
  private readonly build: (seed: CaseSeed) => SimCase;

  constructor(private readonly options: LiveOptions) {
    this.clock = options.clock ?? systemClock;
    this.lastMs = options.startMs ?? this.clock.now();
    this.build = (seed) => options.model.build(seed);
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.options.tickMs ?? 250);
    this.timer.unref();
  }

  /** Hands over a later step of a case generated elsewhere (the backfill's open cases). */
  schedule(seed: CaseSeed, step: number, atMs: number, build: (seed: CaseSeed) => SimCase): void {
    this.pending.add({ seed, step, atMs, build }, this.clock.now());
  }

  /** Starts an incident now: its cases arrive over the next hours or days. */
  inject(type: ScenarioType): Scenario {
    const scenario = this.options.model.inject(type, this.clock.now());
    this.options.logger.info(
      { type, key: scenario.key, cases: scenario.arrivals.length, city: scenario.cityCode, brand: scenario.brand },
      'simulator: incident injected',
    );
    return scenario;
  }

  /** One step of the simulation; overlapping calls wait for the one in progress. */
  async tick(): Promise<void> {
    if (this.ticking) return this.ticking;
    this.ticking = this.advance().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async advance(): Promise<void> {
    const nowMs = this.clock.now();
    if (nowMs <= this.lastMs) return;
    if (nowMs - this.lastMs > MAX_LAG_MS) {
      this.options.logger.warn(
        { skippedMs: nowMs - this.lastMs - MAX_SPAN_PER_TICK_MS },
        'live simulation fell behind the clock; skipping ahead',
      );
      this.lastMs = nowMs - MAX_SPAN_PER_TICK_MS;
    }
    const untilMs = Math.min(nowMs, this.lastMs + MAX_SPAN_PER_TICK_MS);
    const batch: CaseInput[] = [];
    for (const seed of this.options.model.arrivals(this.lastMs, untilMs)) {
      const sim = this.build(seed);
      const next = takeDueVersions(sim, 0, nowMs, batch);
      if (next >= 0) this.pending.add({ seed, step: next, atMs: sim.steps[next].atMs, build: this.build }, nowMs);
      this.stats.cases += 1;
    }
    this.lastMs = untilMs;
    for (const entry of this.pending.takeDue(nowMs, MAX_DUE_PER_TICK)) {
      const sim = entry.build(entry.seed);
      const next = takeDueVersions(sim, entry.step, nowMs, batch);
      if (next >= 0) this.pending.add({ ...entry, step: next, atMs: sim.steps[next].atMs }, nowMs);
    }
    this.stats.versions += batch.length;
    if (nowMs - this.lastLogMs >= LOG_EVERY_MS) {
      this.lastLogMs = nowMs;
      const { cases, versions } = this.stats;
      this.options.logger.info(
        { cases, versions, pending: this.pending.size, pendingDropped: this.pending.dropped },
        'live simulation',
      );
    }
    const size = this.options.batchSize ?? 3000;
    for (let i = 0; i < batch.length; i += size) await this.options.sink.submit(batch.slice(i, i + size));
  }

  /** Stops ticking and waits for the posts in flight. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.ticking;
    await this.options.sink.close();
  }
}
