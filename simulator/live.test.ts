// Live simulation driven by a hand-moved clock into a memory sink: what it posts and when.
import type { CaseInput } from '@shared/case-schema';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import type { CaseSink, SinkStats } from './http-sink';
import { LiveSimulation } from './live';
import { CaseModel } from './model';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-03-10T08:00:00+08:00');

class MemorySink implements CaseSink {
  readonly stats: SinkStats = { batches: 0, accepted: 0, rejected: 0, failed: 0, retries: 0 };
  readonly posted: Array<{ atMs: number; version: CaseInput }> = [];
  constructor(private readonly clock: { now(): number }) {}
  async submit(batch: CaseInput[]) {
    this.stats.batches += 1;
    this.stats.accepted += batch.length;
    for (const version of batch) this.posted.push({ atMs: this.clock.now(), version });
  }
  async drain() {}
  async close() {}
}

function setup(speed = 1) {
  const clock = {
    ms: T0,
    now() {
      return this.ms;
    },
  };
  const sink = new MemorySink(clock);
  const model = new CaseModel({ seed: 4, speed });
  const live = new LiveSimulation({ model, sink, clock, logger: pino({ level: 'silent' }), startMs: T0 });
  return { clock, sink, model, live };
}

/** Moves the clock to `untilMs` in 5-minute ticks, as the 250 ms ticks of a real run would. */
async function runUntil(run: { clock: { ms: number }; live: LiveSimulation }, untilMs: number) {
  while (run.clock.ms < untilMs) {
    run.clock.ms = Math.min(untilMs, run.clock.ms + 5 * 60_000);
    await run.live.tick();
  }
}

describe('live simulation', () => {
  it('posts new cases and their later versions as they come due, never ahead of the clock', async () => {
    const run = setup();
    const { clock, sink, model, live } = run;
    await runUntil(run, T0 + 30 * HOUR);
    const expected = model.arrivals(T0, clock.ms);
    expect(live.stats.cases).toBe(expected.length);
    expect(sink.posted.every((p) => Date.parse(p.version.updatedAt!) <= p.atMs)).toBe(true);
    // every step due by now has been posted exactly once, in order, for every case
    const byId = new Map<string, string[]>();
    for (const p of sink.posted) byId.set(p.version.id, [...(byId.get(p.version.id) ?? []), p.version.status]);
    let laterVersions = 0;
    for (const seed of expected) {
      const due = model
        .build(seed)
        .steps.filter((s) => s.atMs <= clock.ms)
        .map((s) => s.status);
      expect(byId.get(seed.id), seed.id).toEqual(due);
      laterVersions += due.length - 1;
    }
    expect(laterVersions).toBeGreaterThan(expected.length * 0.5);
    expect(live.pending.size).toBeGreaterThan(1000); // complaints still being mediated
  });

  it('at SIM_SPEED 10 posts ten times the cases and runs lifecycles ten times faster', async () => {
    const normal = setup(1);
    const fast = setup(10);
    for (const run of [normal, fast]) await runUntil(run, T0 + 2 * HOUR);
    const ratio = fast.live.stats.cases / normal.live.stats.cases;
    expect(ratio).toBeGreaterThan(8.5);
    expect(ratio).toBeLessThan(11.5);
    const resolvedShare = (run: typeof normal) =>
      run.sink.posted.filter((p) => p.version.status !== 'received').length / run.live.stats.cases;
    expect(resolvedShare(fast)).toBeGreaterThan(resolvedShare(normal) + 0.1);
  });

  it('takes over open cases from the backfill', async () => {
    const history = new CaseModel({ seed: 4 });
    const older = history
      .arrivals(T0 - 2 * 24 * HOUR, T0)
      .find((seed) => history.build(seed).facts.kind === 'complaint')!;
    const steps = history.build(older).steps;
    const next = steps.findIndex((s) => s.atMs > T0);
    expect(next).toBeGreaterThan(0);
    // live starts just before that step is due
    const { clock, sink } = setup();
    const startMs = steps[next].atMs - 60_000;
    const late = new LiveSimulation({
      model: new CaseModel({ seed: 4 }),
      sink,
      clock,
      logger: pino({ level: 'silent' }),
      startMs,
    });
    clock.ms = startMs;
    late.schedule(older, next, steps[next].atMs, (s) => history.build(s));
    clock.ms = steps[next].atMs;
    await late.tick();
    expect(sink.posted.filter((p) => p.version.id === older.id).map((p) => p.version.status)).toEqual([
      steps[next].status,
    ]);
    expect(late.pending.size).toBeGreaterThan(0);
  });

  it('injects an incident on demand', async () => {
    const run = setup();
    const { sink, live } = run;
    const scenario = live.inject('food-poisoning');
    await runUntil(run, T0 + 9 * HOUR);
    const incident = sink.posted.filter(
      (p) => p.version.id.includes(`-X${scenario.key}-`) && p.version.status === 'received',
    );
    expect(incident.length).toBe(scenario.arrivals.length);
  });

  it('skips ahead instead of flooding when the clock jumps by hours', async () => {
    const { clock, live } = setup();
    clock.ms = T0 + 5 * 24 * HOUR;
    await live.tick();
    expect(live.stats.cases).toBeLessThan(1000); // five minutes' worth, not five days'
  });
});
