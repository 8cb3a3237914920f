import { describe, expect, it } from 'vitest';
import { holdsStill, replayPosition, shownNow, sourceOf, tileNotKept } from './wall-source';

const AT = '2026-02-10T14:00:00.000Z';
const replay = { from: '2026-02-10T10:00:00.000Z', to: '2026-02-10T20:00:00.000Z', at: AT, speed: 600, paused: false };

describe('wall-side source', () => {
  it('is live without a mode, whatever else the payload carries, and then "now" is the server clock', () => {
    const live = sourceOf({ asOf: AT, replay, history: { resolution: 'minute', notKept: ['heat'] } });
    expect(live).toEqual({ mode: 'live', wall: null, shownAtMs: null, replay: null, history: null });
    expect(shownNow(live, 123)).toBe(123);
    expect(tileNotKept('map', live)).toEqual([]);
  });

  it('shows the frozen or replayed moment as "now"', () => {
    const frozen = sourceOf({ asOf: AT, mode: 'frozen', wall: 'room-1' });
    expect(shownNow(frozen, Date.parse(AT) + 86_400_000)).toBe(Date.parse(AT));
    expect(frozen.wall).toBe('room-1');
    const replaying = sourceOf({ asOf: AT, mode: 'replay', replay });
    expect(shownNow(replaying, 0)).toBe(Date.parse(AT));
    expect(replaying.replay).toEqual(replay);
  });

  it('lists the parts of a tile not kept at the moment shown', () => {
    const source = sourceOf({
      asOf: AT,
      mode: 'frozen',
      history: { resolution: 'hour', notKept: ['latestCases', 'heat'] },
    });
    expect(tileNotKept('feed', source)).toEqual(['latestCases']);
    expect(tileNotKept('map', source)).toEqual(['heat']);
    expect(tileNotKept('kpis', source)).toEqual([]);
  });

  it('holds still when frozen or paused, not while a replay plays', () => {
    expect(holdsStill(sourceOf({ asOf: AT, mode: 'frozen' }))).toBe(true);
    expect(holdsStill(sourceOf({ asOf: AT, mode: 'replay', replay }))).toBe(false);
    expect(holdsStill(sourceOf({ asOf: AT, mode: 'replay', replay: { ...replay, paused: true } }))).toBe(true);
    expect(holdsStill(sourceOf({ asOf: AT }))).toBe(false);
  });

  it('places the replay in its period, clamped, and at 0 for a period of no length', () => {
    expect(replayPosition(replay)).toBeCloseTo(0.4);
    expect(replayPosition({ ...replay, at: replay.from })).toBe(0);
    expect(replayPosition({ ...replay, at: '2026-02-11T00:00:00.000Z' })).toBe(1);
    expect(replayPosition({ ...replay, to: replay.from })).toBe(0);
  });
});
