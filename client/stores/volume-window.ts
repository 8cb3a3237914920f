// The volume series is sent whole in a snapshot and as a changed tail in updates. Merging the tail on
// the client keeps each tick's payload to a few numbers while the chart still shows 24 hours.
import { LIMITS } from '@shared/panels';
import { DAY_MS } from '@shared/time';
import type { VolumeEdits, VolumeSeries } from '@shared/wall-events';

/** A wall runs for weeks: never hold more than one day of minutes, whatever the server sends. */
export const MAX_VOLUME_POINTS = LIMITS.volumePoints;

/** Points in a 24-hour window at this step, never above MAX_VOLUME_POINTS. */
export function windowLength(stepMs: number): number {
  return Math.min(MAX_VOLUME_POINTS, Math.max(1, Math.round(DAY_MS / stepMs)));
}

function cap(series: VolumeSeries): VolumeSeries {
  const keep = windowLength(series.stepMs);
  const drop = Math.max(0, series.current.length - keep);
  if (drop === 0 && series.baseline.length <= keep) return series;
  return {
    start: new Date(Date.parse(series.start) + drop * series.stepMs).toISOString(),
    stepMs: series.stepMs,
    current: series.current.slice(drop),
    // The baseline is aligned minute for minute with current; it is cut at the same place.
    baseline: series.baseline.slice(drop, drop + keep),
  };
}

/** A full series from a snapshot, capped. */
export function acceptVolume(series: VolumeSeries): VolumeSeries {
  return cap(series);
}

/**
 * Replaces the minutes from tail.start onwards with the tail and shifts the window so that it ends at
 * the tail's last minute. Minutes between the old end and the tail's start that nobody sent stay NaN
 * (a gap on the chart), never zero: the wall must not invent a quiet minute.
 */
export function applyVolumeTail(series: VolumeSeries, tail: VolumeSeries): VolumeSeries {
  const offsetMs = Date.parse(tail.start) - Date.parse(series.start);
  // A different step or a misaligned tail cannot be merged minute by minute: take it as it is.
  if (tail.stepMs !== series.stepMs || offsetMs % series.stepMs !== 0) return cap(tail);
  const offset = offsetMs / series.stepMs;
  if (offset < 0) {
    // The tail reaches back before our window: it covers everything we have from our start onwards.
    const from = -offset;
    return cap({ ...series, current: tail.current.slice(from), baseline: tail.baseline.slice(from) });
  }
  return cap({
    start: series.start,
    stepMs: series.stepMs,
    current: splice(series.current, offset, tail.current),
    baseline: splice(series.baseline, offset, tail.baseline),
  });
}

function splice(values: readonly number[], offset: number, tail: readonly number[]): number[] {
  const head = values.slice(0, offset);
  while (head.length < offset) head.push(Number.NaN);
  return head.concat(tail);
}

/**
 * Sets single minutes (cases received late) by their time. A minute outside the wall's window is
 * skipped: the window moves on with the tail, and the next snapshot brings anything missed.
 */
export function applyVolumeEdits(series: VolumeSeries, edits: VolumeEdits): VolumeSeries {
  if (edits.stepMs !== series.stepMs) return series;
  const current = [...series.current];
  const baseline = [...series.baseline];
  const offsetMs = Date.parse(edits.start) - Date.parse(series.start);
  for (const [i, count, base] of edits.minutes) {
    const at = (offsetMs + i * edits.stepMs) / series.stepMs;
    if (!Number.isInteger(at) || at < 0 || at >= current.length) continue;
    current[at] = count;
    baseline[at] = base;
  }
  return { ...series, current, baseline };
}
