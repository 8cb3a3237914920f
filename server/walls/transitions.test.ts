import { describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@shared/time';
import type { WallGroupRecord } from './events';
import { replayAt, replayStepMs } from './replay-clock';
import { decide } from './transitions';
import { foldWallLog, fromRow, toInsert } from './wall-log';

const T0 = Date.parse('2026-12-02T02:00:00.000Z');
const iso = (ms: number) => new Date(ms).toISOString();
const TICK_MS = 1_000;

function replaying(over: Partial<NonNullable<WallGroupRecord['replay']>> = {}): WallGroupRecord {
  return {
    id: 'room',
    scope: 'national',
    mode: 'replay',
    replay: { from: iso(T0), to: iso(T0 + 10 * 3_600_000), at: iso(T0), speed: 3_600, paused: false, ...over },
    version: 2,
    updatedAt: iso(T0 + 86_400_000),
    updatedBy: 'director',
  };
}

describe('replay clock', () => {
  it('moves speed x tick per tick, in whole minutes', () => {
    expect(replayStepMs(60, 1_000)).toBe(MINUTE_MS);
    expect(replayStepMs(3_600, 1_000)).toBe(60 * MINUTE_MS);
    expect(replayStepMs(100, 1_000)).toBe(2 * MINUTE_MS); // 100 s rounds to 2 minutes
    const group = replaying({ speed: 60 });
    const since = Date.parse(group.updatedAt);
    expect(replayAt(group, since + 999, TICK_MS)!.at).toBe(iso(T0));
    expect(replayAt(group, since + 1_000, TICK_MS)!.at).toBe(iso(T0 + MINUTE_MS));
    expect(replayAt(group, since + 7_500, TICK_MS)!.at).toBe(iso(T0 + 7 * MINUTE_MS));
  });

  it('accumulates ticks worth less than a minute until they make one', () => {
    const group = replaying({ speed: 60 });
    const since = Date.parse(group.updatedAt);
    expect(replayAt(group, since + 4 * 250, 250)!.at).toBe(iso(T0 + MINUTE_MS));
    expect(replayAt(group, since + 3 * 250, 250)!.at).toBe(iso(T0));
  });

  it('stops paused at the end, and a paused replay stays where it is', () => {
    const group = replaying();
    const since = Date.parse(group.updatedAt);
    expect(replayAt(group, since + 11_000, TICK_MS)).toMatchObject({ at: iso(T0 + 10 * 3_600_000), paused: true });
    const paused = replaying({ paused: true, at: iso(T0 + 3 * MINUTE_MS) });
    expect(replayAt(paused, since + 60_000, TICK_MS)!.at).toBe(iso(T0 + 3 * MINUTE_MS));
  });
});

describe('decide', () => {
  const now = (group: WallGroupRecord, ticks: number) => Date.parse(group.updatedAt) + ticks * TICK_MS;

  it('pauses where the clock is, and plays from there', () => {
    const group = replaying();
    const pause = decide(group, { type: 'pause' }, now(group, 3), TICK_MS);
    expect(pause).toMatchObject({
      outcome: 'changed',
      type: 'pause',
      state: { replay: { at: iso(T0 + 3 * 3_600_000), paused: true } },
    });
    const paused = replaying({ at: iso(T0 + 3 * 3_600_000), paused: true });
    expect(decide(paused, { type: 'pause' }, now(group, 9), TICK_MS)).toEqual({ outcome: 'unchanged' });
    expect(decide(paused, { type: 'play' }, now(group, 9), TICK_MS)).toMatchObject({
      state: { replay: { at: iso(T0 + 3 * 3_600_000), paused: false } },
    });
  });

  it('plays a finished replay from its start', () => {
    const group = replaying();
    expect(decide(group, { type: 'play' }, now(group, 20), TICK_MS)).toMatchObject({
      outcome: 'changed',
      state: { replay: { at: iso(T0), paused: false } },
    });
  });

  it('seeks only within the period, to a whole minute', () => {
    const group = replaying();
    expect(decide(group, { type: 'seek', atMs: T0 + 90_500 }, now(group, 1), TICK_MS)).toMatchObject({
      state: { replay: { at: iso(T0 + MINUTE_MS) } },
    });
    expect(decide(group, { type: 'seek', atMs: T0 - 1 }, now(group, 1), TICK_MS)).toMatchObject({
      outcome: 'refused',
      status: 400,
    });
  });

  it('refuses pause, play and seek outside a replay; freeze and live repeat as unchanged', () => {
    const live: WallGroupRecord = {
      id: 'room',
      scope: 'national',
      mode: 'live',
      version: 0,
      updatedAt: iso(T0),
      updatedBy: 'x',
    };
    expect(decide(live, { type: 'play' }, T0, TICK_MS)).toMatchObject({ outcome: 'refused', status: 409 });
    expect(decide(live, { type: 'live' }, T0, TICK_MS)).toEqual({ outcome: 'unchanged' });
    const frozen: WallGroupRecord = { ...live, mode: 'frozen', frozenAt: iso(T0) };
    expect(decide(frozen, { type: 'freeze', atMs: T0 }, T0, TICK_MS)).toEqual({ outcome: 'unchanged' });
    expect(
      decide(
        frozen,
        { type: 'replay', scope: '420100', fromMs: T0 + 30_000, toMs: T0 + 3_600_000, speed: 60 },
        T0,
        TICK_MS,
      ),
    ).toMatchObject({
      state: { scope: '420100', replay: { from: iso(T0), at: iso(T0), to: iso(T0 + 3_600_000) } },
    });
  });
});

describe('wall log', () => {
  it('reads back what it writes, and folds to the newest version of each group', () => {
    const group = replaying({ paused: true });
    const insert = toInsert({ type: 'pause', actor: 'director', group });
    const row = {
      ...insert,
      at_ms: Date.parse(group.updatedAt),
      frozen_at_ms: null,
      replay_from_ms: T0,
      replay_to_ms: T0 + 10 * 3_600_000,
      replay_at_ms: T0,
    };
    const event = fromRow(row);
    expect(event.group).toEqual(group);
    const first = {
      ...event,
      type: 'replay' as const,
      group: { ...group, version: 1, replay: { ...group.replay!, paused: false } },
    };
    const { groups, anomalies } = foldWallLog([first, event]);
    expect(anomalies).toEqual([]);
    expect(groups.get('room')).toEqual(group);
    expect(foldWallLog([event]).anomalies).toHaveLength(1); // v2 with no v1: said, and still applied
  });
});
