// Where the cases received in a window [from, to) are counted from, so that a read of any length
// costs about its number of hours rather than its number of cases, and still counts exactly:
// whole hours from the hourly rollup (kept as long as the history), whole minutes at the ends from
// the per-minute rollup while it still holds them, and what is left (parts of a minute, or the
// partial hours the minute rollup no longer holds) from the cases themselves.
import { HOUR_MS, MINUTE_MS, floorTo } from '@shared/time';

/** [fromMs, toMs), epoch ms; empty when fromMs === toMs. */
export interface Span {
  fromMs: number;
  toMs: number;
}

export interface WindowSources {
  /** whole hours, in pieces of at most pieceMs: each is one short query */
  hourPieces: Span[];
  /** whole minutes, at most one span at each end */
  minutes: [Span, Span];
  /** read from the cases: at most one span at each end */
  cases: [Span, Span];
}

const EMPTY: Span = { fromMs: 0, toMs: 0 };
const ceilTo = (ms: number, stepMs: number) => Math.ceil(ms / stepMs) * stepMs;

/**
 * @param minuteRollupFromMs the oldest instant the per-minute rollup is trusted to hold
 * @param pieceMs the longest span of hours read in one query (a multiple of an hour)
 */
export function windowSources(
  fromMs: number,
  toMs: number,
  minuteRollupFromMs: number,
  pieceMs: number,
): WindowSources {
  const hourPieces: Span[] = [];
  const minutes: Span[] = [];
  const cases: Span[] = [];
  const firstHourMs = ceilTo(fromMs, HOUR_MS);
  const lastHourMs = floorTo(toMs, HOUR_MS);
  // the partial hours at either end; the whole window when it holds no whole hour
  const ends: Span[] =
    firstHourMs < lastHourMs
      ? [
          { fromMs, toMs: firstHourMs },
          { fromMs: lastHourMs, toMs },
        ]
      : [{ fromMs, toMs }];
  for (let at = firstHourMs; at < lastHourMs; at += pieceMs)
    hourPieces.push({ fromMs: at, toMs: Math.min(at + pieceMs, lastHourMs) });
  for (const end of ends) {
    if (end.fromMs === end.toMs) continue;
    const firstMinuteMs = ceilTo(end.fromMs, MINUTE_MS);
    const lastMinuteMs = floorTo(end.toMs, MINUTE_MS);
    if (end.fromMs < minuteRollupFromMs || firstMinuteMs >= lastMinuteMs) {
      cases.push(end);
      continue;
    }
    minutes.push({ fromMs: firstMinuteMs, toMs: lastMinuteMs });
    if (end.fromMs < firstMinuteMs) cases.push({ fromMs: end.fromMs, toMs: firstMinuteMs });
    if (lastMinuteMs < end.toMs) cases.push({ fromMs: lastMinuteMs, toMs: end.toMs });
  }
  return { hourPieces, minutes: pair(minutes), cases: pair(cases) };
}

/** At most two spans come out of each kind of end: a window inside one hour yields one end with two. */
function pair(spans: Span[]): [Span, Span] {
  if (spans.length > 2) throw new Error(`expected at most two spans, got ${spans.length}`);
  return [spans[0] ?? EMPTY, spans[1] ?? EMPTY];
}
