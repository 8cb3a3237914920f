import { describe, expect, it } from 'vitest';
import { listSpec } from '@shared/panels';
import type { HeatPoint, RegionRow, VolumeSeries, WallParts, WallSnapshot, WallUpdate } from '@shared/wall-events';
import {
  applyListDelta,
  classifyUpdate,
  mergeUpdate,
  stateFromSnapshot,
  type WallState,
} from '@client/stores/wall-merge';
import { applyVolumeEdits, applyVolumeTail } from '@client/stores/volume-window';
import { changedParts, listDelta, sentParts, volumeDelta, volumeTail } from './panel-delta';
import { UpdateRing, type RingEntry } from './update-ring';

const T0 = Date.parse('2026-11-23T00:00:00Z');
const series = (startMin: number, current: number[], baseline = current.map(() => 0)): VolumeSeries => ({
  start: new Date(T0 + startMin * 60_000).toISOString(),
  stepMs: 60_000,
  current,
  baseline,
});

describe('volumeTail', () => {
  it('is undefined when nothing changed', () => {
    expect(volumeTail(series(0, [1, 2, 3]), series(0, [1, 2, 3]))).toBeUndefined();
  });

  it('carries the minutes from the first change on', () => {
    expect(volumeTail(series(0, [1, 2, 3]), series(0, [1, 2, 4]))).toEqual(series(2, [4], [0]));
    expect(volumeTail(series(0, [1, 2, 3]), series(0, [1, 2, 3], [0, 5, 0]))).toEqual(series(1, [2, 3], [5, 0]));
  });

  it('compares minute for minute when the window moved on', () => {
    // the window slid by one minute; minute 3 is new
    expect(volumeTail(series(0, [1, 2, 3]), series(1, [2, 3, 0]))).toEqual(series(3, [0], [0]));
    // a late case changed minute 2 as well
    expect(volumeTail(series(0, [1, 2, 3]), series(1, [2, 4, 0]))).toEqual(series(2, [4, 0], [0, 0]));
  });

  it('sends the whole series when it cannot be aligned', () => {
    const backwards = series(-1, [0, 1, 2]);
    expect(volumeTail(series(0, [1, 2, 3]), backwards)).toBe(backwards);
    const otherStep = { ...series(0, [1, 2, 3]), stepMs: 30_000 };
    expect(volumeTail(series(0, [1, 2, 3]), otherStep)).toBe(otherStep);
  });
});

describe('volumeDelta', () => {
  const minutes = (n: number, at: Record<number, number> = {}) => Array.from({ length: n }, (_, i) => at[i] ?? 1);

  it('sends minutes changed long before the end as edits, and only the last cluster as the tail', () => {
    const before = series(0, minutes(60));
    // the window moved on a minute; cases received late changed minutes 3 and 20 (2 and 19 of the new window)
    const after = series(1, minutes(60, { 2: 4, 19: 7, 58: 2, 59: 3 }));
    const { tail, edits } = volumeDelta(before, after);
    expect(edits).toEqual({
      start: after.start,
      stepMs: 60_000,
      minutes: [
        [2, 4, 0],
        [19, 7, 0],
      ],
    });
    expect(tail).toEqual(series(59, [2, 3], [0, 0]));
    // through the client's rules, the wall's series becomes the server's (the wall keeps up to a day,
    // so its 61 minutes still start a minute earlier)
    const merged = applyVolumeTail(applyVolumeEdits(before, edits!), tail!);
    expect({
      ...merged,
      start: after.start,
      current: merged.current.slice(1),
      baseline: merged.baseline.slice(1),
    }).toEqual(after);
  });

  it('keeps nearby changes in the tail, and sends nothing when nothing changed', () => {
    const before = series(0, minutes(30));
    const after = series(0, minutes(30, { 26: 5, 29: 2 }));
    expect(volumeDelta(before, after)).toEqual({ tail: series(26, [5, 1, 1, 2], [0, 0, 0, 0]) });
    expect(volumeDelta(before, before)).toEqual({});
  });
});

describe('UpdateRing', () => {
  const entry = (seq: number) => ({ event: 'wall:update' as const, payload: { seq } as never });
  const ring = new UpdateRing(3);
  for (const seq of [10, 11, 12, 13]) ring.push(entry(seq));

  it('returns what a wall missed while the ring still holds all of it', () => {
    expect(ring.after(13, 13)).toEqual([]);
    expect(ring.after(11, 13)?.map((e) => (e.payload as { seq: number }).seq)).toEqual([12, 13]);
    expect(ring.after(10, 13)?.map((e) => (e.payload as { seq: number }).seq)).toEqual([11, 12, 13]);
  });

  it('says no when the wall is too far behind or ahead', () => {
    expect(ring.after(9, 13)).toBeUndefined();
    expect(ring.after(14, 13)).toBeUndefined();
  });
});

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let x = seed;
  return () => (x = (x * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

const row = (code: string, today: number): RegionRow => ({
  code,
  name: code,
  today,
  lastHour: 0,
  todayPer100k: null,
  open: 0,
  overdue: 0,
  dueSoon: 0,
});

/** The next tick's list: some rows gone, some changed, some moved, some new, in a shuffled order. */
function evolve(rows: RegionRow[], next: () => number, fresh: () => string): RegionRow[] {
  const out = rows.filter(() => next() > 0.2).map((r) => (next() < 0.3 ? { ...r, today: r.today + 1 } : r));
  for (let i = 0; i < 3; i += 1)
    if (next() < 0.6) out.splice(Math.floor(next() * (out.length + 1)), 0, row(fresh(), 1));
  if (out.length > 1 && next() < 0.5) {
    const [moved] = out.splice(Math.floor(next() * out.length), 1);
    out.splice(Math.floor(next() * (out.length + 1)), 0, moved);
  }
  return out;
}

describe('listDelta', () => {
  const spec = listSpec('regions');
  const sent = (rows: RegionRow[]) => sentParts({ regions: rows } as WallParts).get('regions')!.list!;

  it('rebuilds, through the client merge rules, exactly the list the server has, tick after tick', () => {
    for (let seed = 1; seed <= 50; seed += 1) {
      const next = random(seed);
      let n = 0;
      const fresh = () => `r${seed}-${n++}`;
      let server = Array.from({ length: 8 }, () => row(fresh(), 0));
      let wall = server;
      for (let tick = 0; tick < 30; tick += 1) {
        const following = evolve(server, next, fresh);
        const delta = listDelta(sent(server), following, sent(following))!;
        wall = applyListDelta(wall, delta, spec);
        expect(wall, `seed ${seed}, tick ${tick}`).toEqual(following);
        server = following;
      }
    }
  });

  it('sends little for what usually happens: a new case on top, the oldest gone, one changed', () => {
    const before = ['a', 'b', 'c', 'd'].map((code) => row(code, 1));
    const after = [row('n', 1), before[0], { ...before[1], today: 2 }, before[2]];
    expect(listDelta(sent(before), after, sent(after))).toEqual({
      removed: ['d'],
      added: [{ at: 0, item: row('n', 1) }],
      changed: [{ ...before[1], today: 2 }],
    });
  });

  it('gives up on lists whose keys repeat: they go whole', () => {
    const twice = [row('a', 1), row('a', 2)];
    expect(listDelta(sent([row('a', 1)]), twice, sent(twice))).toBeUndefined();
  });
});

describe('changedParts', () => {
  const heat = (n: number): HeatPoint[] => Array.from({ length: n }, (_, i) => [100 + i / 10, 30, n - i]);
  const base = { heat: heat(40), alerts: [], kpis: { open: 1 } } as unknown as WallParts;

  it('sends a changed list part as a delta when that is shorter, whole otherwise, and unchanged parts not at all', () => {
    const next = { ...base, heat: [...heat(40).slice(0, 39), [200, 30, 1]] } as WallParts;
    const { panels, listDeltas } = changedParts(sentParts(base), next);
    expect(panels).toEqual({});
    expect(listDeltas.heat).toEqual({ removed: ['103.9,30'], added: [{ at: 39, item: [200, 30, 1] }] });
    const replaced = { ...base, heat: heat(3) } as WallParts; // everything new: the delta would be longer
    expect(changedParts(sentParts(base), replaced)).toMatchObject({ panels: { heat: heat(3) }, listDeltas: {} });
  });
});

describe('resync through the ring', () => {
  it('a wall that missed deltas and gets them from the ring, in order, holds what a connected wall holds', () => {
    const next = random(7);
    let n = 0;
    const fresh = () => `c-${n++}`;
    let regions = Array.from({ length: 10 }, () => row(fresh(), 0));
    const volume = series(0, [1, 2]);
    const parts = (rows: RegionRow[]) => ({ regions: rows, volume }) as WallParts;
    const meta = (seq: number) => ({ scope: 'national', seq, asOf: '', sentAt: '', degraded: false, panelAsOf: {} });
    const ring = new UpdateRing(20);
    const first: WallSnapshot = {
      ...meta(1),
      panels: parts(regions),
      tickMs: 1000,
      partRefreshMs: {} as WallSnapshot['partRefreshMs'],
    };
    ring.push({ event: 'wall:snapshot', payload: first });
    let sent = sentParts(first.panels);
    for (let seq = 2; seq <= 15; seq += 1) {
      regions = evolve(regions, next, fresh);
      const changed = changedParts(sent, parts(regions));
      sent = changed.sent;
      ring.push({
        event: 'wall:update',
        payload: { ...meta(seq), panels: changed.panels, listDeltas: changed.listDeltas },
      });
    }
    const play = (state: WallState | null, entries: RingEntry[]) =>
      entries.reduce<WallState | null>((s, { event, payload }) => {
        if (event === 'wall:snapshot') return stateFromSnapshot(payload);
        expect(classifyUpdate(s, payload)).toBe('applied');
        return mergeUpdate(s!, payload as WallUpdate);
      }, state);
    const connected = play(null, ring.after(0, 15)!.slice(0))!;
    const away = play(
      null,
      ring.after(0, 15)!.filter((e) => e.payload.seq <= 6),
    )!;
    expect(ring.after(6, 15)!.some((e) => e.event === 'wall:update' && e.payload.listDeltas?.regions)).toBe(true);
    const back = play(away, ring.after(away.seq, 15)!)!;
    expect(back.seq).toBe(15);
    expect(back.panels.regions).toEqual(regions);
    expect(back.panels).toEqual(connected.panels);
  });
});
