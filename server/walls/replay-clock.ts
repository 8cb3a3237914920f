// A replay's clock, derived from its group's stored state alone: where it stood at its last event
// (`replay.at` at `updatedAt`) and how fast it moves. Every tile, the API and a restarted server
// therefore read the same moment without anyone keeping a running counter.
import { MINUTE_MS, floorTo } from '@shared/time';
import type { ReplayState } from '@shared/wall-modes';
import type { WallGroupRecord } from './events';

/**
 * History moved per wall tick: speed x tick, rounded to whole minutes (so at 60x or faster the
 * moment shown stays on a whole minute); a tick worth less than a minute accumulates until it is one.
 */
export function replayStepMs(speed: number, tickMs: number): number {
  const perTickMs = speed * tickMs;
  return perTickMs >= MINUTE_MS ? Math.round(perTickMs / MINUTE_MS) * MINUTE_MS : perTickMs;
}

/** The replay of `group` at wall time `nowMs`: advanced by whole ticks since its last event, paused at `to`. */
export function replayAt(group: WallGroupRecord, nowMs: number, tickMs: number): ReplayState | undefined {
  const replay = group.replay;
  if (group.mode !== 'replay' || !replay) return undefined;
  if (replay.paused) return replay;
  const fromMs = Date.parse(replay.at);
  const toMs = Date.parse(replay.to);
  const ticks = Math.max(0, Math.floor((nowMs - Date.parse(group.updatedAt)) / tickMs));
  const atMs = fromMs + floorTo(ticks * replayStepMs(replay.speed, tickMs), MINUTE_MS);
  if (atMs >= toMs) return { ...replay, at: new Date(toMs).toISOString(), paused: true };
  return { ...replay, at: new Date(atMs).toISOString() };
}
