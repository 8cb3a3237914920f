// The wall-side source: live, frozen or replay. The panels do not know which; the payloads say it
// (`mode`, `replay`, `history`, `asOf`: shared/wall-events.ts) and these rules turn it into the one
// "now" every age, clock and countdown on the wall is measured from. A wall that is not live shows a
// moment of the past on purpose, so it is never stale; only its socket can still be down.
import { tileParts, type TileId } from '@shared/panels';
import type { PartName, WallSnapshot } from '@shared/wall-events';
import type { HistoryDetail, ReplayState, WallMode } from '@shared/wall-modes';

export interface WallSource {
  mode: WallMode;
  /** the wall group the server says this payload is for; null from a server without groups */
  wall: string | null;
  /** frozen or replay: the moment shown (the payload's asOf), ms; null when live */
  shownAtMs: number | null;
  /** replay only: the period, the position in it, the speed and whether it is paused */
  replay: ReplayState | null;
  /** not live only: minute or hour resolution, and the parts whose past is not kept */
  history: HistoryDetail | null;
}

export const LIVE_SOURCE: WallSource = { mode: 'live', wall: null, shownAtMs: null, replay: null, history: null };

type SourceMeta = Pick<WallSnapshot, 'asOf' | 'wall' | 'mode' | 'replay' | 'history'>;

/** What a payload says about its source. Without `mode` it is live, whatever else it carries. */
export function sourceOf(meta: SourceMeta): WallSource {
  const wall = meta.wall ?? null;
  if (meta.mode !== 'frozen' && meta.mode !== 'replay') return { ...LIVE_SOURCE, wall };
  return {
    mode: meta.mode,
    wall,
    shownAtMs: Date.parse(meta.asOf),
    replay: meta.mode === 'replay' ? (meta.replay ?? null) : null,
    history: meta.history ?? null,
  };
}

/** The moment the wall shows: the server's now when live, the frozen or replayed moment otherwise. */
export function shownNow(source: WallSource, serverNowMs: number): number {
  return source.mode === 'live' || source.shownAtMs === null ? serverNowMs : source.shownAtMs;
}

/** A replay holds still when paused, a frozen wall always: no payload need come to keep it current. */
export function holdsStill(source: WallSource): boolean {
  return source.mode === 'frozen' || (source.mode === 'replay' && source.replay?.paused === true);
}

/** The parts of a tile whose past is not kept at the moment shown ([] when live or all kept). */
export function tileNotKept(tile: TileId, source: WallSource): PartName[] {
  const notKept = source.history?.notKept ?? [];
  return notKept.length ? tileParts(tile).filter((part) => notKept.includes(part)) : [];
}

/** Where the replay is in its period, 0 to 1 (0 for a period of no length). */
export function replayPosition(replay: Pick<ReplayState, 'from' | 'to' | 'at'>): number {
  const fromMs = Date.parse(replay.from);
  const spanMs = Date.parse(replay.to) - fromMs;
  if (!(spanMs > 0)) return 0;
  return Math.min(1, Math.max(0, (Date.parse(replay.at) - fromMs) / spanMs));
}
