// What each control call does to a group, as one pure function: the routes validate the body, the
// repository stores what this decides. A call that changes nothing is not a new version; pause, play
// and seek need a replay (409 otherwise); a seek outside the replayed period is a 400.
import type { Scope } from '@shared/regions';
import { MINUTE_MS, floorTo } from '@shared/time';
import type { WallGroupState } from '@shared/wall-modes';
import type { WallEventType, WallGroupRecord } from './events';
import { replayAt } from './replay-clock';

export type WallCommand =
  | { type: 'freeze'; atMs: number }
  | { type: 'replay'; scope?: Scope; fromMs: number; toMs: number; speed: number }
  | { type: 'pause' }
  | { type: 'play' }
  | { type: 'seek'; atMs: number }
  | { type: 'live' };

export type Decision =
  | { outcome: 'changed'; type: WallEventType; state: WallGroupState }
  | { outcome: 'unchanged' }
  | { outcome: 'refused'; status: 400 | 409; error: string };

const iso = (ms: number) => new Date(ms).toISOString();

export function decide(current: WallGroupRecord, command: WallCommand, nowMs: number, tickMs: number): Decision {
  const base = { id: current.id, scope: current.scope };
  const replay = replayAt(current, nowMs, tickMs);
  switch (command.type) {
    case 'live':
      if (current.mode === 'live') return { outcome: 'unchanged' };
      return { outcome: 'changed', type: 'live', state: { ...base, mode: 'live' } };
    case 'freeze': {
      const frozenAt = iso(command.atMs);
      if (current.mode === 'frozen' && current.frozenAt === frozenAt) return { outcome: 'unchanged' };
      return { outcome: 'changed', type: 'freeze', state: { ...base, mode: 'frozen', frozenAt } };
    }
    case 'replay': {
      // whole minutes: at 60x or faster every moment shown falls on one
      const from = iso(floorTo(command.fromMs, MINUTE_MS));
      const to = iso(Math.max(floorTo(command.toMs, MINUTE_MS), floorTo(command.fromMs, MINUTE_MS) + MINUTE_MS));
      const state: WallGroupState = {
        id: current.id,
        scope: command.scope ?? current.scope,
        mode: 'replay',
        replay: { from, to, at: from, speed: command.speed, paused: false },
      };
      return { outcome: 'changed', type: 'replay', state };
    }
    default:
      break;
  }
  if (!replay)
    return { outcome: 'refused', status: 409, error: `wall ${current.id} is ${current.mode}, not replaying` };
  const stateWith = (changes: Partial<typeof replay>): WallGroupState => ({
    ...base,
    mode: 'replay',
    replay: { ...replay, ...changes },
  });
  switch (command.type) {
    case 'pause':
      if (replay.paused) return { outcome: 'unchanged' };
      return { outcome: 'changed', type: 'pause', state: stateWith({ paused: true }) };
    case 'play': {
      const atEnd = Date.parse(replay.at) >= Date.parse(replay.to);
      if (!replay.paused && !atEnd) return { outcome: 'unchanged' };
      // play at the end starts the period again
      return {
        outcome: 'changed',
        type: 'play',
        state: stateWith({ paused: false, at: atEnd ? replay.from : replay.at }),
      };
    }
    case 'seek': {
      const { from, to } = replay;
      if (command.atMs < Date.parse(from) || command.atMs > Date.parse(to))
        return { outcome: 'refused', status: 400, error: `seek to a moment of the replayed period, ${from} to ${to}` };
      return { outcome: 'changed', type: 'seek', state: stateWith({ at: iso(floorTo(command.atMs, MINUTE_MS)) }) };
    }
  }
}
