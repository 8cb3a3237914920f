import { describe, expect, it } from 'vitest';
import { LIMITS, listSpec } from '@shared/panels';
import { partAsOf, type LatestCase, type WallParts, type WallSnapshot, type WallUpdate } from '@shared/wall-events';
import { applyListDelta, classifyUpdate, mergeUpdate, stateFromSnapshot, type WallState } from './wall-merge';

const T0 = Date.parse('2026-03-15T02:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const feedCase = (id: string, status: LatestCase['status'] = 'received'): LatestCase => ({
  id,
  receivedAt: iso(T0),
  regionCode: '420102',
  line: 'consumer',
  kind: 'complaint',
  channel: 'phone',
  category: 'food',
  status,
  urgent: false,
  summary: id,
  location: null,
});
const ids = (list: readonly { id: string }[]) => list.map((c) => c.id);
const cases = listSpec('latestCases');

function parts(latest: string[]): WallParts {
  return {
    kpis: {} as WallParts['kpis'],
    volume: { start: iso(T0), stepMs: 60_000, current: [1], baseline: [1] },
    regions: [],
    topCategories: [],
    topMerchants: [],
    topBrands: [],
    channelMix: {} as WallParts['channelMix'],
    lineMix: {} as WallParts['lineMix'],
    latestCases: latest.map((id) => feedCase(id)),
    urgentCases: [],
    heat: [],
    alerts: [],
    incidents: [],
  };
}
const meta = (seq: number) => ({
  scope: 'national',
  seq,
  asOf: iso(T0 + seq * 1000),
  sentAt: iso(T0),
  degraded: false,
  panelAsOf: {},
});
const snapshot = (seq: number, latest: string[]): WallSnapshot => ({
  ...meta(seq),
  panels: parts(latest),
  tickMs: 1000,
  partRefreshMs: {} as WallSnapshot['partRefreshMs'],
});
const update = (seq: number, listDeltas: WallUpdate['listDeltas']): WallUpdate => ({
  ...meta(seq),
  panels: {},
  listDeltas,
});

function apply(state: WallState, next: WallUpdate): WallState {
  expect(classifyUpdate(state, next)).toBe('applied');
  return mergeUpdate(state, next);
}

describe('list deltas', () => {
  it('drops gone items, replaces changed ones in place and inserts new ones at their index', () => {
    const before = ['a', 'b', 'c', 'd'].map((id) => feedCase(id));
    const after = applyListDelta(
      before,
      {
        removed: ['d', 'b'],
        changed: [feedCase('c', 'accepted')],
        added: [
          { at: 0, item: feedCase('n') },
          { at: 2, item: feedCase('b') },
        ],
      },
      cases,
    );
    expect(ids(after)).toEqual(['n', 'a', 'b', 'c']);
    expect(after[3].status).toBe('accepted');
    expect(after[1]).toBe(before[0]); // untouched items keep their identity
  });

  it('keeps the feed within its limit however many cases are added', () => {
    const full = Array.from({ length: LIMITS.feedCases }, (_, i) => feedCase(`old-${i}`));
    const added = Array.from({ length: 5 }, (_, i) => ({ at: i, item: feedCase(`new-${i}`) }));
    const after = applyListDelta(full, { added }, cases);
    expect(after).toHaveLength(LIMITS.feedCases);
    expect(ids(after.slice(0, 6))).toEqual(['new-0', 'new-1', 'new-2', 'new-3', 'new-4', 'old-0']);
  });

  it('merges an update whose lists travel as deltas, and leaves other parts as they were', () => {
    let state = stateFromSnapshot(snapshot(1, ['b', 'a']));
    const regions = state.panels.regions;
    state = apply(state, update(2, { latestCases: { added: [{ at: 0, item: feedCase('c') }], removed: ['a'] } }));
    expect(ids(state.panels.latestCases)).toEqual(['c', 'b']);
    expect(state.panels.regions).toBe(regions);
  });

  it('survives a mis-merge, and the next snapshot heals it', () => {
    // The wall holds a list that is not the server's (say a delta was applied to the wrong base):
    // a delta naming keys it lacks and indexes past its end still leaves a usable list ...
    let state = stateFromSnapshot(snapshot(1, ['x']));
    state = apply(
      state,
      update(2, {
        latestCases: { removed: ['a'], changed: [feedCase('b', 'closed')], added: [{ at: 5, item: feedCase('c') }] },
      }),
    );
    expect(ids(state.panels.latestCases)).toEqual(['x', 'c']);
    // ... until the periodic snapshot replaces it whole.
    state = stateFromSnapshot(snapshot(3, ['c', 'b']));
    expect(ids(state.panels.latestCases)).toEqual(['c', 'b']);
    state = apply(state, update(4, { latestCases: { added: [{ at: 0, item: feedCase('d') }] } }));
    expect(ids(state.panels.latestCases)).toEqual(['d', 'c', 'b']);
  });
});

describe('part times', () => {
  it('takes a lagging part time from the update, and every part it does not name as current to asOf', () => {
    const first = snapshot(1, ['a']);
    first.panelAsOf = { kpis: iso(T0), latestCases: iso(T0 + 1000), topMerchants: iso(T0) };
    const state = stateFromSnapshot(first);
    const next = mergeUpdate(state, { ...update(2, undefined), panelAsOf: { topMerchants: iso(T0) } });
    expect(partAsOf(next, 'topMerchants')).toBe(iso(T0));
    expect(partAsOf(next, 'kpis')).toBe(iso(T0 + 2000));
    expect(partAsOf(next, 'latestCases')).toBe(iso(T0 + 2000));
  });
});
