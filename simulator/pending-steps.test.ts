import { describe, expect, it } from 'vitest';
import type { CaseSeed, SimCase } from './case-factory';
import { PendingSteps } from './pending-steps';

const NOW = Date.parse('2026-03-10T10:00:00+08:00');
const build = (): SimCase => {
  throw new Error('not rebuilt in this test');
};
const seed = (id: string, receivedAtMs = NOW - 3_600_000): CaseSeed => ({ id, receivedAtMs, seed: 1, speed: 1 });

describe('pending steps', () => {
  it('hands out due steps in time order and keeps the rest', () => {
    const pending = new PendingSteps();
    const times = [50, 10, 40, 30, 20, 60].map((m) => NOW + m * 60_000);
    times.forEach((atMs, i) => pending.add({ atMs, step: 1, seed: seed(`c${i}`), build }, NOW));
    const due = pending.takeDue(NOW + 35 * 60_000);
    expect(due.map((d) => d.atMs)).toEqual([10, 20, 30].map((m) => NOW + m * 60_000));
    expect(pending.size).toBe(3);
    expect(pending.takeDue(NOW + 100 * 60_000, 2).map((d) => d.seed.id)).toEqual(['c2', 'c0']);
  });

  it('drops cases received beyond the horizon and refuses entries over the cap', () => {
    const pending = new PendingSteps(30 * 86_400_000, 2);
    pending.add({ atMs: NOW + 1, step: 1, seed: seed('old', NOW - 31 * 86_400_000), build }, NOW);
    expect(pending.size).toBe(0);
    pending.add({ atMs: NOW + 1, step: 1, seed: seed('a'), build }, NOW);
    pending.add({ atMs: NOW + 2, step: 1, seed: seed('b'), build }, NOW);
    pending.add({ atMs: NOW + 3, step: 1, seed: seed('c'), build }, NOW);
    expect(pending.size).toBe(2);
    expect(pending.dropped).toBe(1);
  });
});
