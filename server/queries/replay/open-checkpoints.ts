// The checkpoints of the open cases at whole hours (migration 0100): which hours hold one, the mark of
// one hour, the late versions that undo them, and taking them. Read by server/replay/workload-at.ts,
// written by server/replay/open-checkpoint-job.ts.
import { toDateTime, toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';

export interface OpenMark {
  /** the taken_at its rows carry */
  takenAtMs: number;
  /** the due-soon bound it was taken with */
  dueSoonByMs: number;
  /** versions ingested from here on may undo it */
  lookFromMs: number;
}

export const openMarkAt = defineQuery<
  { hourMs: number },
  { taken_at_ms: number; due_soon_by_ms: number; look_from_ms: number },
  OpenMark | undefined
>({
  name: 'replay:open-mark-at',
  file: new URL('./open-mark-at.sql', import.meta.url),
  params: (input) => ({ hour: toDateTime(input.hourMs) }),
  parse: ([row]) =>
    row && { takenAtMs: row.taken_at_ms, dueSoonByMs: row.due_soon_by_ms, lookFromMs: row.look_from_ms },
});

/** The earliest version time among the head versions ingested from fromMs on; undefined when none. */
export const lateVersions = defineQuery<
  { fromMs: number },
  { earliest_ms: number; versions: number },
  number | undefined
>({
  name: 'replay:late-versions',
  file: new URL('./late-versions.sql', import.meta.url),
  params: (input) => ({ from: toDateTime64(input.fromMs) }),
  parse: ([row]) => (row && row.versions > 0 ? row.earliest_ms : undefined),
});

/** The whole hours from fromMs to toMs that hold a valid checkpoint, epoch ms. */
export const openMarks = defineQuery<{ fromMs: number; toMs: number }, { hour_ms: number }, Set<number>>({
  name: 'replay:open-marks',
  file: new URL('./open-marks.sql', import.meta.url),
  params: (input) => ({ from: toDateTime(input.fromMs), to: toDateTime(input.toMs) }),
  parse: (rows) => new Set(rows.map((row) => row.hour_ms)),
});

export interface TakeInput {
  /** whole hours of one China Standard Time day, ascending */
  hoursMs: number[];
  dueSoonByMs: number;
  /** closures are counted from this long before each hour (the on-time window) */
  closedWindowMs: number;
  takenAtMs: number;
}

export const takeOpenCheckpoints = defineQuery<TakeInput, never, void>({
  name: 'replay:open-checkpoint-take',
  file: new URL('./open-checkpoint-take.sql', import.meta.url),
  params: (input) => ({
    hours: input.hoursMs.map(toDateTime),
    firstHour: toDateTime(input.hoursMs[0]),
    lastHour: toDateTime(input.hoursMs[input.hoursMs.length - 1]),
    dueSoonBy: toDateTime(input.dueSoonByMs),
    closedWindowS: input.closedWindowMs / 1000,
    takenAt: toDateTime64(input.takenAtMs),
  }),
  parse: () => undefined,
});

/** From when the job looks for late versions (0: nothing to look at), and ClickHouse's clock. */
export const openChecked = defineQuery<
  void,
  { checked_ms: number; first_taken_ms: number; now_ms: number },
  { lookFromMs: number; nowMs: number }
>({
  name: 'replay:open-checked',
  file: new URL('./open-checked.sql', import.meta.url),
  params: () => ({}),
  parse: ([row]) => ({ lookFromMs: Number(row.checked_ms) || Number(row.first_taken_ms), nowMs: Number(row.now_ms) }),
});
