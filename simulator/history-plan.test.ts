import { describe, expect, it } from 'vitest';
import { daySpans } from './backfill';
import { planHistory } from './history-plan';

const DAY = 86_400_000;
const NOW = Date.parse('2026-03-10T09:30:00+08:00');

describe('history plan', () => {
  it('cuts the window at Beijing midnights, newest first, today partial', () => {
    const spans = daySpans(NOW - 3 * DAY, NOW);
    expect(spans.length).toBe(4);
    expect(spans[0]).toEqual([Date.parse('2026-03-10T00:00:00+08:00'), NOW]);
    expect(spans[1]).toEqual([Date.parse('2026-03-09T00:00:00+08:00'), Date.parse('2026-03-10T00:00:00+08:00')]);
    expect(spans[3][0]).toBe(NOW - 3 * DAY);
  });

  it('backfills the whole window into an empty store', () => {
    expect(planHistory(NOW, 90, { cases: 0, firstReceivedMs: 0, lastVersionMs: 0 })).toEqual({
      fromMs: NOW - 90 * DAY,
    });
  });

  it('after a clean restart regenerates only the last 30 days, posting what is newer than the store', () => {
    const plan = planHistory(NOW, 90, {
      cases: 5e6,
      firstReceivedMs: NOW - 90 * DAY - 3_600_000,
      lastVersionMs: NOW - 600_000,
    });
    expect(plan.fromMs).toBe(NOW - 30 * DAY);
    expect(plan.resume?.lastVersionMs).toBe(NOW - 600_000);
  });

  it('continues an interrupted backfill below the oldest stored case', () => {
    const plan = planHistory(NOW, 90, { cases: 5e5, firstReceivedMs: NOW - 9 * DAY, lastVersionMs: NOW - 60_000 });
    expect(plan.fromMs).toBe(NOW - 90 * DAY);
    expect(plan.resume?.frontierMs).toBeGreaterThan(NOW - 9 * DAY);
  });

  it('fills a gap longer than 30 days back to the last version', () => {
    const plan = planHistory(NOW, 90, { cases: 5e6, firstReceivedMs: NOW - 120 * DAY, lastVersionMs: NOW - 45 * DAY });
    expect(plan.fromMs).toBe(NOW - 45 * DAY);
  });
});
