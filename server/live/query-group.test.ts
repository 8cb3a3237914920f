import { describe, expect, it } from 'vitest';
import { QueryGroup } from './query-group';
import { tickTimes } from './tick-window';

const times = (ms: number) => tickTimes(Date.parse('2026-11-23T02:00:00Z') + ms);

describe('QueryGroup', () => {
  it('never sends a second query while one is still running, and flags the wait as failing', async () => {
    let calls = 0;
    let answer: (value: number) => void = () => undefined;
    const group = new QueryGroup<number>({
      name: 'hung',
      everyTicks: 1,
      firstRefreshTick: 1,
      run: () => {
        calls += 1;
        return new Promise<number>((resolve) => (answer = resolve));
      },
    });
    group.begin(0, times(0));
    group.finish(0);
    expect(group.failing).toBe(true);
    expect(group.last).toBeUndefined();
    group.begin(1, times(1000));
    group.finish(1);
    expect(calls).toBe(1);
    answer(42);
    await group.begin(2, times(2000)); // still the same query: nothing new is sent
    group.finish(2);
    expect(calls).toBe(1);
    // the late answer is taken, with the time it is current to (its own tick's, not this one's)
    expect(group.last).toEqual({ value: 42, forMs: times(0).nowMs });
    expect(group.failing).toBe(false);
    void group.begin(3, times(3000));
    expect(calls).toBe(2);
  });

  it('refreshes a slow group every n ticks and keeps the last good answer when one fails', async () => {
    let calls = 0;
    const group = new QueryGroup<number>({
      name: 'slow',
      everyTicks: 3,
      firstRefreshTick: 3,
      run: async () => {
        calls += 1;
        if (calls === 2) throw new Error('ClickHouse went away');
        return calls;
      },
    });
    for (let tick = 0; tick < 4; tick += 1) {
      await group.begin(tick, times(tick * 1000));
      group.finish(tick);
    }
    expect(calls).toBe(2); // tick 0 and tick 3
    expect(group.failing).toBe(true);
    expect(group.last).toEqual({ value: 1, forMs: times(0).nowMs });
    await group.begin(4, times(4000)); // failing: retried at once
    group.finish(4);
    expect(group.failing).toBe(false);
    expect(group.last?.value).toBe(3);
  });
});
