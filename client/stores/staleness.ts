// How old the wall's data is. Ages are measured on the server's clock (estimated from sentAt), not the
// display's: wall PCs on an intranet often have clocks minutes off, which would make every tile
// look stale or, worse, fresh when it is not. How often each part is refreshed is not guessed: the
// snapshot says (tickMs, partRefreshMs).
import { tileParts, type TileId } from '@shared/panels';
import { partAsOf, type PartName } from '@shared/wall-events';

/** The tick assumed before the first snapshot says what it is. */
export const DEFAULT_TICK_MS = 1000;
/** A tile whose data is older than this many refreshes of its parts is shown stale. */
export const STALE_AFTER_TICKS = 3;
/** Recent samples kept for the clock-offset estimate; a ring, so memory stays flat. */
export const SAMPLE_WINDOW = 20;

export function pushSample(samples: number[], value: number): void {
  samples.push(value);
  if (samples.length > SAMPLE_WINDOW) samples.shift();
}

/**
 * Display clock minus server clock. Each sample is receivedAt - sentAt, i.e. offset plus network
 * delay; the smallest one is the closest to the true offset.
 */
export function estimateClockOffsetMs(receivedMinusSentMs: readonly number[]): number {
  return receivedMinusSentMs.length ? Math.min(...receivedMinusSentMs) : 0;
}

export interface TileFreshness {
  /** age of the oldest part the tile draws, ms on the server's clock */
  ageMs: number;
  /** older than STALE_AFTER_TICKS of its part's own refresh interval */
  stale: boolean;
}

/**
 * Age and staleness of one tile. A part without its own panelAsOf is as current as the payload's
 * asOf. Parts the server computes less often than every tick are judged by their own refresh
 * interval (refreshMs), so a five-second part is not flagged stale three seconds after each refresh.
 */
export function tileFreshness(
  tile: TileId,
  payload: { asOf: string; panelAsOf: Partial<Record<PartName, string>> },
  serverNowMs: number,
  refreshMs: (part: PartName) => number,
): TileFreshness {
  let ageMs = 0;
  let stale = false;
  for (const part of tileParts(tile)) {
    const partAge = Math.max(0, serverNowMs - Date.parse(partAsOf(payload, part)));
    ageMs = Math.max(ageMs, partAge);
    stale ||= isStale(partAge, refreshMs(part));
  }
  return { ageMs, stale };
}

export function isStale(ageMs: number, refreshMs: number): boolean {
  return ageMs > STALE_AFTER_TICKS * refreshMs;
}
