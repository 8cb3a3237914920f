// Wall groups and their modes (briefing mode): a wall is a group of tiles with an id (`?wall=<id>`,
// by default one group per scope); the server holds each group's mode, so every tile follows one
// clock and a tile that reloads rejoins it. Shared by the server (server/walls/), the client's
// wall-side source and the control bar, and the API (POST /api/v1/walls/:id/...).
import type { PartName } from './wall-events';
import type { Scope } from './regions';

export const WALL_MODES = ['live', 'frozen', 'replay'] as const;
export type WallMode = (typeof WALL_MODES)[number];

/** Replay speeds, in seconds of history per second of wall time. */
export const REPLAY_SPEED_MIN = 60;
export const REPLAY_SPEED_MAX = 3_600;
/** The speeds the control bar offers (the API takes any speed in range). */
export const REPLAY_SPEEDS = [60, 300, 900, 3_600] as const;

/** A replay's clock: the period, the moment shown, and how fast it moves. */
export interface ReplayState {
  /** ISO: the period replayed */
  from: string;
  to: string;
  /** ISO: the moment shown now; at 60x or faster, on a whole minute */
  at: string;
  speed: number;
  paused: boolean;
}

/** A group's state, as `GET /api/v1/walls/:id` and every control call answer it. */
export interface WallGroupState {
  id: string;
  mode: WallMode;
  scope: Scope;
  /** frozen: the moment kept on screen (ISO) */
  frozenAt?: string;
  replay?: ReplayState;
}

/**
 * How finely the past is kept, for a wall that is not live: minute resolution within the minute
 * rollup's retention, hourly beyond; parts whose past is not kept at the moment shown (the feed
 * beyond its retention, for one) are listed and shown as "not kept", never as empty.
 */
export interface HistoryDetail {
  resolution: 'minute' | 'hour';
  notKept: PartName[];
}

/** The default group of a scope when a tile names none: one group per scope. */
export function defaultWallId(scope: Scope): string {
  return scope === 'national' ? 'national' : `region-${scope}`;
}

/** Ids a group may have: letters, digits, '-' and '_', up to 64 characters (they appear in URLs). */
export const WALL_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
