// The job that keeps the checkpoints of the open cases at whole hours (migration 0100; docs/replay.md,
// "Checkpoints"). Each run, on the writer only: first it looks for head versions ingested since its
// last look whose time is at or before a checkpointed hour, and marks those hours invalid (a reader
// checks the same itself for what was ingested after the job's last look); then it takes the hours
// that hold none, newest first, a China Standard Time day per read, from an hour ago back to the
// oldest case stored, a few days per run so a long history is filled in over several runs.
import type { Logger } from 'pino';
import { DAY_MS, HOUR_MS, MINUTE_MS, floorTo } from '@shared/time';
import type { ClickHouse } from '../clickhouse/client';
import { toDateTime, toDateTime64 } from '../clickhouse/datetime';
import { runQuery } from '../clickhouse/define-query';
import type { Clock } from '../clock';
import type { Job } from '../jobs/scheduler';
import { oldestCase } from '../queries/replay/history-bounds';
import { lateVersions, openChecked, openMarks, takeOpenCheckpoints } from '../queries/replay/open-checkpoints';
import { ON_TIME_WINDOW_MS } from '../live/tick-window';
import { replayTimes } from './replay-times';

export const OPEN_CHECKPOINT_EVERY_MS = 10 * MINUTE_MS;
/** An hour is taken once it is this far past: versions posted up to this late are in it. */
export const CHECKPOINT_LAG_MS = HOUR_MS;
/**
 * An insert still running when a checkpoint is read has an ingested_at at most this old (the writer
 * inserts one batch at a time, each in seconds): taken_at is set this far back, so such a version
 * counts as ingested after the checkpoint and a reader looks at it.
 */
export const INSERT_MARGIN_MS = 5 * MINUTE_MS;
/** Days taken per run at most: one read of the spells each. */
export const DAYS_PER_RUN = 7;
/** Marks and checkpoints reach back at most this far (the hourly history's retention, rounded down). */
const FURTHEST_BACK_MS = 6 * 365 * DAY_MS;

export interface OpenCheckpointDeps {
  clickhouse: ClickHouse;
  clock: Clock;
  logger?: Logger;
  /** only the writer-lease holder writes checkpoints (a standby reads them) */
  mayWrite?: () => boolean;
  /** INSERT_MARGIN_MS by default; a test whose inserts have all returned may say 0 */
  insertMarginMs?: number;
}

export interface CheckpointRun {
  invalidated: number;
  taken: number;
}

/** Marks invalid the checkpoints that a version ingested since the last look undoes. */
async function invalidateLate(
  ch: ClickHouse,
  lookFromMs: number,
  nowMs: number,
  chNowMs: number,
  marginMs: number,
): Promise<number> {
  const checkedToMs = chNowMs - marginMs;
  const earliest = lookFromMs === 0 ? undefined : await runQuery(ch, lateVersions, { fromMs: lookFromMs });
  let invalidated = 0;
  if (earliest !== undefined) {
    const hours = await runQuery(ch, openMarks, { fromMs: earliest, toMs: nowMs });
    // a mark written valid = 0 replaces the hour's mark (ReplacingMergeTree by revision)
    const rows = [...hours].map((hourMs) => ({
      hour: toDateTime(hourMs),
      taken_at: toDateTime64(checkedToMs),
      due_soon_by: toDateTime(0),
      valid: 0,
      revision: toDateTime64(chNowMs),
    }));
    if (rows.length > 0) await ch.insert('replay_open_marks', rows);
    invalidated = rows.length;
  }
  await ch.insert('replay_open_checked', [{ checked_to: toDateTime64(checkedToMs) }]);
  return invalidated;
}

/** The hours without a valid checkpoint from newestMs back, grouped by their due-soon bound (one a day). */
async function missingDays(ch: ClickHouse, oldestMs: number, newestMs: number, nowMs: number) {
  const marked = await runQuery(ch, openMarks, { fromMs: oldestMs, toMs: newestMs });
  const days = new Map<number, number[]>();
  for (let hourMs = newestMs; hourMs >= oldestMs; hourMs -= HOUR_MS) {
    if (marked.has(hourMs)) continue;
    const { dueSoonByMs } = replayTimes(hourMs, nowMs);
    const day = days.get(dueSoonByMs) ?? [];
    if (day.length === 0 && days.size >= DAYS_PER_RUN) break;
    day.unshift(hourMs);
    days.set(dueSoonByMs, day);
  }
  return days;
}

export async function runOpenCheckpoints(deps: OpenCheckpointDeps): Promise<CheckpointRun> {
  const { clickhouse: ch } = deps;
  if (deps.mayWrite && !deps.mayWrite()) return { invalidated: 0, taken: 0 };
  const nowMs = deps.clock.now();
  const checked = await runQuery(ch, openChecked, undefined);
  const marginMs = deps.insertMarginMs ?? INSERT_MARGIN_MS;
  const invalidated = await invalidateLate(ch, checked.lookFromMs, nowMs, checked.nowMs, marginMs);
  const oldest = await runQuery(ch, oldestCase, undefined);
  if (oldest === null) return { invalidated, taken: 0 };
  const newestMs = floorTo(nowMs - CHECKPOINT_LAG_MS, HOUR_MS);
  const oldestMs = Math.max(floorTo(oldest, HOUR_MS) + HOUR_MS, newestMs - FURTHEST_BACK_MS);
  let taken = 0;
  for (const [dueSoonByMs, hoursMs] of await missingDays(ch, oldestMs, newestMs, nowMs)) {
    const [{ now_ms: chNowMs }] = await ch.query<{ now_ms: number }>(
      'replay:clickhouse-now',
      'SELECT toUnixTimestamp64Milli(now64(3)) AS now_ms',
    );
    const takenAtMs = Number(chNowMs) - marginMs;
    // revision: ClickHouse's clock when written, so a mark taken after an invalidation replaces it
    const take = { hoursMs, dueSoonByMs, closedWindowMs: ON_TIME_WINDOW_MS, takenAtMs };
    await ch.command(takeOpenCheckpoints.name, takeOpenCheckpoints.sql, takeOpenCheckpoints.params(take));
    // the mark last: a reader that finds it finds the rows
    await ch.insert(
      'replay_open_marks',
      hoursMs.map((hourMs) => ({
        hour: toDateTime(hourMs),
        taken_at: toDateTime64(takenAtMs),
        due_soon_by: toDateTime(dueSoonByMs),
        valid: 1,
        revision: toDateTime64(Number(chNowMs)),
      })),
    );
    taken += hoursMs.length;
  }
  if (taken > 0 || invalidated > 0) deps.logger?.info({ taken, invalidated }, 'replay: open-case checkpoints');
  return { invalidated, taken };
}

export function openCheckpointJob(deps: OpenCheckpointDeps): Job {
  return {
    name: 'replay-open-checkpoints',
    everyMs: OPEN_CHECKPOINT_EVERY_MS,
    run: async () => {
      await runOpenCheckpoints(deps);
    },
  };
}
