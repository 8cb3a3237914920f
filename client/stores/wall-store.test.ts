import { createPinia, setActivePinia } from 'pinia';
import { beforeEach, describe, expect, it } from 'vitest';
import { LIMITS, PART_NAMES } from '@shared/panels';
import { useWallStore } from './wall-store';
import type { CaseCounts, PartName, WallParts, WallSnapshot, WallUpdate } from '@shared/wall-events';

// Small literal payloads, the smallest valid contract objects, overridable per test.
const counts = (total: number): CaseCounts => ({
  total,
  byKind: { consultation: 0, complaint: total, report: 0, suggestion: 0 },
  byLine: { consumer: total, quality: 0, 'food-drug': 0, price: 0, ip: 0 },
});

const T0 = Date.parse('2026-03-15T02:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();

function panels(total = 10): WallParts {
  return {
    kpis: {
      today: counts(total),
      sameTimeYesterday: counts(8),
      sameTimeLastWeek: counts(12),
      lastHour: 3,
      open: 5,
      overdue: 1,
      dueSoon: 2,
      missingCalendarYears: [],
      onTimeRate30d: 0.97,
      closed30d: 100,
      recoveredTodayYuan: 1000,
      involvedTodayYuan: 5000,
    },
    volume: { start: iso(T0 - 4 * 60_000), stepMs: 60_000, current: [1, 2, 3, 4, 5], baseline: [5, 4, 3, 2, 1] },
    regions: [],
    topCategories: [{ key: 'food', count: 4 }],
    topMerchants: [],
    topBrands: [],
    channelMix: { phone: 1, voicemail: 0, web: 0, app: 0, wechat: 0, sms: 0, letter: 0, visit: 0, transfer: 0 },
    lineMix: { consumer: 1, quality: 0, 'food-drug': 0, price: 0, ip: 0 },
    latestCases: [],
    urgentCases: [],
    heat: [],
    alerts: [],
    incidents: [],
  };
}

const TICK = 1000;
/** as the server announces them at TICK_MS=1000: slow parts every 5 s */
const refreshEvery = (slowMs: number, tickMs = TICK) =>
  Object.fromEntries(
    PART_NAMES.map((part) => [part, ['topMerchants', 'topBrands', 'kpis'].includes(part) ? slowMs : tickMs]),
  ) as Record<PartName, number>;

function snapshot(seq: number, atMs: number, overrides: Partial<WallSnapshot> = {}): WallSnapshot {
  return {
    scope: 'national',
    seq,
    asOf: iso(atMs),
    sentAt: iso(atMs + 50),
    degraded: false,
    panelAsOf: {},
    panels: panels(),
    tickMs: TICK,
    partRefreshMs: refreshEvery(5 * TICK),
    ...overrides,
  };
}

function update(seq: number, atMs: number, overrides: Partial<WallUpdate> = {}): WallUpdate {
  return {
    scope: 'national',
    seq,
    asOf: iso(atMs),
    sentAt: iso(atMs + 50),
    degraded: false,
    panelAsOf: {},
    panels: {},
    ...overrides,
  };
}

describe('wall store', () => {
  beforeEach(() => setActivePinia(createPinia()));

  it('replaces on snapshot, then merges partial updates keeping untouched panels as they were', () => {
    const wall = useWallStore();
    wall.applySnapshot(snapshot(7, T0), T0 + 60);
    const categoriesBefore = wall.panels!.topCategories;
    const next = panels(11).kpis;
    expect(wall.applyUpdate(update(8, T0 + TICK, { panels: { kpis: next } }), T0 + TICK + 60)).toBe('applied');
    expect(wall.state!.seq).toBe(8);
    expect(wall.panels!.kpis.today.total).toBe(11);
    expect(wall.panels!.topCategories).toBe(categoriesBefore);
    wall.applySnapshot(snapshot(20, T0 + 5 * TICK, { panels: panels(99) }));
    expect(wall.state!.seq).toBe(20);
    expect(wall.panels!.kpis.today.total).toBe(99);
  });

  it('merges the volume tail and shifts the window', () => {
    const wall = useWallStore();
    wall.applySnapshot(snapshot(1, T0));
    const tail = { start: iso(T0), stepMs: 60_000, current: [6, 1], baseline: [0, 0] };
    wall.applyUpdate(update(2, T0 + TICK, { volumeTail: tail }));
    expect(wall.panels!.volume.current).toEqual([1, 2, 3, 4, 6, 1]);
  });

  it('detects a seq gap, ignores the update, and resumes when the missing seq arrives', () => {
    const wall = useWallStore();
    wall.applySnapshot(snapshot(1, T0));
    expect(wall.applyUpdate(update(3, T0 + 2 * TICK))).toBe('gap');
    expect(wall.resyncing).toBe(true);
    expect(wall.state!.seq).toBe(1);
    expect(wall.applyUpdate(update(1, T0))).toBe('duplicate');
    expect(wall.applyUpdate(update(2, T0 + TICK))).toBe('applied');
    expect(wall.applyUpdate(update(3, T0 + 2 * TICK))).toBe('applied');
    expect(wall.resyncing).toBe(false);
  });

  it('ignores payloads of another scope and updates before the first snapshot', () => {
    const wall = useWallStore();
    expect(wall.applyUpdate(update(1, T0))).toBe('ignored');
    wall.reset('420100');
    wall.applySnapshot(snapshot(1, T0));
    expect(wall.state).toBeNull();
    wall.applySnapshot(snapshot(1, T0, { scope: '420100' }));
    expect(wall.applyUpdate(update(2, T0 + TICK))).toBe('ignored');
    expect(wall.applyUpdate(update(2, T0 + TICK, { scope: '420100' }))).toBe('applied');
  });

  it('caps the feed', () => {
    const wall = useWallStore();
    const many = Array.from({ length: 80 }, (_, i) => ({ ...sampleCase, id: String(i) }));
    wall.applySnapshot(snapshot(1, T0, { panels: { ...panels(), latestCases: many } }));
    expect(wall.panels!.latestCases).toHaveLength(LIMITS.feedCases);
  });

  it('turns a panel stale after three ticks without fresh data, on the server clock', () => {
    const wall = useWallStore();
    // The display clock is 10 minutes fast: ages must still come out right.
    const skew = 10 * 60_000;
    wall.applySnapshot(snapshot(1, T0), T0 + 50 + skew);
    expect(wall.freshness('volume', T0 + 2 * TICK + skew)).toEqual({ ageMs: 2 * TICK, stale: false });
    expect(wall.freshness('volume', T0 + 3.5 * TICK + skew)!.stale).toBe(true);
    expect(wall.wallStale(T0 + 2 * TICK + skew)).toBe(false);
    expect(wall.wallStale(T0 + 4 * TICK + skew)).toBe(true);
  });

  it('takes the tick from the snapshot rather than guessing it from the stream', () => {
    const wall = useWallStore();
    const tick = 250;
    wall.applySnapshot(snapshot(1, T0, { tickMs: tick, partRefreshMs: refreshEvery(5000, tick) }), T0 + 50);
    expect(wall.tickMs).toBe(tick);
    // no update has come: the announced tick alone decides (3 ticks = 750 ms)
    expect(wall.freshness('feed', T0 + 50 + 2 * tick)!.stale).toBe(false);
    expect(wall.freshness('feed', T0 + 50 + 4 * tick)!.stale).toBe(true);
    expect(wall.wallStale(T0 + 50 + 4 * tick)).toBe(true);
  });

  it('judges a slower part by the refresh interval the snapshot announces, from the first payload on', () => {
    const wall = useWallStore();
    // Opened 4 s after the merchants were last computed: 5 s old a second later, and not stale.
    const panelAsOf = { topMerchants: iso(T0 - 4 * TICK), topBrands: iso(T0 - 4 * TICK) };
    wall.applySnapshot(snapshot(1, T0, { panelAsOf }), T0 + 50);
    wall.applyUpdate(update(2, T0 + TICK, { panelAsOf }), T0 + TICK + 50);
    expect(wall.freshness('merchants', T0 + TICK + 50)!.stale).toBe(false);
    expect(wall.freshness('merchants', T0 + 10 * TICK)!.stale).toBe(false);
    expect(wall.freshness('feed', T0 + 4 * TICK + 100)!.stale).toBe(true);
    // three of its own refreshes missed: stale
    expect(wall.freshness('merchants', T0 + 12 * TICK)!.stale).toBe(true);
    // a tile is as fresh as its slowest part's own cadence allows: the map (regions, heat, ...) at 1 s
    expect(wall.freshness('map', T0 + 4 * TICK + 100)!.stale).toBe(true);
  });
});

describe('wall store, frozen and replay', () => {
  beforeEach(() => setActivePinia(createPinia()));
  const AT = T0 - 30 * 24 * 3_600_000;
  const history = { resolution: 'hour' as const, notKept: ['latestCases' as const, 'heat' as const] };
  const replay = { from: iso(AT - 3_600_000), to: iso(AT + 3_600_000), at: iso(AT), speed: 3600, paused: false };

  it('follows the mode of every payload: frozen, replay, then live again when a payload has no mode', () => {
    const wall = useWallStore();
    wall.applySnapshot(snapshot(1, T0, { wall: 'room-1' }), T0 + 50);
    expect(wall.source).toMatchObject({ mode: 'live', wall: 'room-1', shownAtMs: null });
    wall.applyUpdate(update(2, AT, { mode: 'frozen', history, wall: 'room-1' }), T0 + TICK);
    expect(wall.source).toMatchObject({ mode: 'frozen', shownAtMs: AT, history, replay: null });
    wall.applyUpdate(update(3, AT + 60_000, { mode: 'replay', replay: { ...replay, at: iso(AT + 60_000) } }));
    expect(wall.source.mode).toBe('replay');
    expect(wall.source.replay!.at).toBe(iso(AT + 60_000));
    expect(wall.source.history).toBeNull();
    wall.applyUpdate(update(4, T0 + 3 * TICK));
    expect(wall.source).toMatchObject({ mode: 'live', shownAtMs: null, replay: null, history: null });
  });

  it('measures "now" from the moment shown: a frozen wall a month back is never stale, however long it stays', () => {
    const wall = useWallStore();
    const panelAsOf = { topMerchants: iso(AT - 5 * 60_000) };
    wall.applySnapshot(snapshot(1, AT, { mode: 'frozen', history, panelAsOf, sentAt: iso(T0) }), T0 + 50);
    for (const later of [T0 + 50, T0 + 10 * TICK, T0 + 3_600_000]) {
      expect(wall.shownNowMs(later)).toBe(AT);
      expect(wall.wallStale(later)).toBe(false);
      expect(wall.freshness('feed', later)).toEqual({ ageMs: 0, stale: false });
      // a slower part's age is its distance from the moment shown, not from today
      expect(wall.freshness('merchants', later)).toEqual({ ageMs: 5 * 60_000, stale: false });
    }
  });

  it('judges staleness on the live clock again once the wall is back to live', () => {
    const wall = useWallStore();
    wall.applySnapshot(snapshot(1, AT, { mode: 'replay', replay, sentAt: iso(T0) }), T0 + 50);
    expect(wall.wallStale(T0 + 60 * TICK)).toBe(false);
    wall.applyUpdate(update(2, T0 + TICK), T0 + TICK + 50);
    expect(wall.shownNowMs(T0 + TICK + 50)).toBe(T0 + TICK + 50);
    expect(wall.wallStale(T0 + 2 * TICK)).toBe(false);
    expect(wall.wallStale(T0 + 5 * TICK)).toBe(true);
    expect(wall.freshness('feed', T0 + 5 * TICK)!.stale).toBe(true);
  });
});

const sampleCase = {
  id: 'x',
  receivedAt: iso(T0),
  regionCode: '420102',
  line: 'consumer',
  kind: 'complaint',
  channel: 'phone',
  category: 'food',
  status: 'received',
  urgent: false,
  summary: '...',
  location: null,
} as const;
