// The national case model: which cases arrive in any span of time, for a seed and a speed. Arrivals
// are drawn per minute of the clock from a stream seeded by (seed, minute, speed), so any span can
// be generated in any order (backfill goes newest day first) with identical results, and backfill
// and live agree about the minute where one hands over to the other.
import { MINUTE_MS } from '@shared/time';
import { buildCase, type CaseSeed, type FactoryParts, type SimCase } from './case-factory';
import { Geography } from './geography';
import { arrivalRatePerMs, cstDayIndex } from './intensity';
import { Mixes } from './mixes';
import { NameBook } from './names';
import { mixSeed, Rng } from './random';
import {
  injectedScenario,
  MAX_SCENARIO_DAYS,
  scenariosStartingOn,
  type Scenario,
  type ScenarioContext,
  type ScenarioType,
} from './scenarios';

export interface CaseModelOptions {
  seed: number;
  /** SIM_SPEED: arrivals this many times denser, lifecycles this many times shorter */
  speed?: number;
  /** SIM_LATE_SHARE: complaints and reports handled after their deadline (lifecycle.ts DEFAULT_LATE_SHARE) */
  lateShare?: number;
  /**
   * Which arrivals the model yields: both (the default), only the ordinary flow (the scenario-free
   * twin of a history, for false alerts) or only the incidents' cases (laid over that twin later).
   */
  streams?: 'all' | 'ordinary' | 'incidents';
  /** the ordinary flow thinned to this share of the national rate (evaluations on a small machine); incidents keep their size */
  rateScale?: number;
}

/** Region tables and code mixes are the same for every seed: built once per process. */
let sharedGeography: Geography | undefined;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** "YYYYMMDDHHmm" in Beijing time, for case ids. */
function cstMinuteStamp(ms: number): string {
  const d = new Date(ms + 8 * 3_600_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1, 2)}${pad(d.getUTCDate(), 2)}${pad(d.getUTCHours(), 2)}${pad(d.getUTCMinutes(), 2)}`;
}

export class CaseModel {
  readonly seed: number;
  readonly speed: number;
  readonly parts: FactoryParts;
  /** case ids start with this: the seed, and the speed when it is not 1 (a different stream) */
  readonly idPrefix: string;
  private readonly scenarioCtx: ScenarioContext;
  private readonly scenariosByDay = new Map<number, Scenario[]>();
  private injected: Scenario[] = [];
  private readonly streams: NonNullable<CaseModelOptions['streams']>;
  private readonly rateScale: number;

  constructor({ seed, speed = 1, lateShare, streams = 'all', rateScale = 1 }: CaseModelOptions) {
    this.seed = seed >>> 0;
    this.speed = speed > 0 ? speed : 1;
    this.streams = streams;
    this.rateScale = rateScale > 0 ? Math.min(rateScale, 1) : 1;
    sharedGeography ??= new Geography();
    this.parts = { geo: sharedGeography, mixes: new Mixes(), names: new NameBook(this.seed), lateShare };
    this.scenarioCtx = { seed: this.seed, geo: this.parts.geo, names: this.parts.names };
    this.idPrefix = `S${this.seed.toString(36)}${this.speed === 1 ? '' : `x${String(this.speed).replace('.', '_')}`}`;
  }

  /** Ordinary arrivals of one clock minute (`minute` = ms / 60,000), ascending. */
  private minuteArrivals(minute: number): CaseSeed[] {
    const startMs = minute * MINUTE_MS;
    const rng = new Rng(mixSeed(this.seed, minute, Math.round(this.speed * 1000)));
    const expected = arrivalRatePerMs(startMs + MINUTE_MS / 2) * MINUTE_MS * this.speed;
    const count = rng.poisson(expected);
    const offsets: number[] = [];
    for (let i = 0; i < count; i += 1) offsets.push(rng.int(60) * 1000);
    offsets.sort((a, b) => a - b);
    const stamp = cstMinuteStamp(startMs);
    const seeds = offsets.map((offset, i) => ({
      id: `${this.idPrefix}-${stamp}-${pad(i, 3)}`,
      receivedAtMs: startMs + offset,
      seed: mixSeed(this.seed, minute, i, 0xca5e),
      speed: this.speed,
    }));
    // thinning keeps a case or not by its own seed: a thinned stream is a subset of the full one
    return this.rateScale === 1 ? seeds : seeds.filter((s) => (s.seed >>> 8) / 0x1000000 < this.rateScale);
  }

  /** Incidents that broke out on a Beijing day (cached: they are planned whole, with all arrivals). */
  scenariosOn(dayIndex: number): Scenario[] {
    let list = this.scenariosByDay.get(dayIndex);
    if (!list) {
      list = scenariosStartingOn(this.scenarioCtx, dayIndex, this.speed);
      this.scenariosByDay.set(dayIndex, list);
      // keep the cache small: backfill walks 90+ days once; live only needs the last week
      if (this.scenariosByDay.size > 4 * MAX_SCENARIO_DAYS) {
        this.scenariosByDay.delete(this.scenariosByDay.keys().next().value as number);
      }
    }
    return list;
  }

  /** Every incident that may have arrivals in [fromMs, toMs). */
  scenariosDuring(fromMs: number, toMs: number): Scenario[] {
    const out: Scenario[] = [];
    for (let day = cstDayIndex(fromMs) - MAX_SCENARIO_DAYS; day <= cstDayIndex(toMs); day += 1) {
      for (const s of this.scenariosOn(day)) if (s.startMs < toMs && s.endMs >= fromMs) out.push(s);
    }
    for (const s of this.injected) if (s.startMs < toMs && s.endMs >= fromMs) out.push(s);
    return out;
  }

  /** Starts an incident now (demo, tests): its cases join the stream from `startMs`. */
  inject(type: ScenarioType, startMs: number): Scenario {
    const scenario = injectedScenario(this.scenarioCtx, type, startMs, this.speed);
    this.injected = this.injected.filter((s) => s.endMs > startMs - MAX_SCENARIO_DAYS * 86_400_000);
    this.injected.push(scenario);
    return scenario;
  }

  /** Cases received in [fromMs, toMs), ascending by receipt: ordinary ones and incidents'. */
  arrivals(fromMs: number, toMs: number): CaseSeed[] {
    const out: CaseSeed[] = [];
    for (
      let minute = Math.floor(fromMs / MINUTE_MS);
      this.streams !== 'incidents' && minute * MINUTE_MS < toMs;
      minute += 1
    ) {
      for (const seed of this.minuteArrivals(minute)) {
        if (seed.receivedAtMs >= fromMs && seed.receivedAtMs < toMs) out.push(seed);
      }
    }
    for (const scenario of this.streams === 'ordinary' ? [] : this.scenariosDuring(fromMs, toMs)) {
      scenario.arrivals.forEach((at, i) => {
        if (at >= fromMs && at < toMs) {
          out.push({
            id: `${this.idPrefix}-X${scenario.key}-${pad(i, 4)}`,
            receivedAtMs: at,
            seed: mixSeed(scenario.seed, i),
            speed: this.speed,
            scenario,
          });
        }
      });
    }
    return out.sort((a, b) => a.receivedAtMs - b.receivedAtMs);
  }

  build(seed: CaseSeed): SimCase {
    return buildCase(this.parts, seed);
  }
}
