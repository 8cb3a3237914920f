// The workload figures of one scope as they stood at a past moment, in the result shape of the live
// workload query: from the spells and closures, by the live query itself (wall-workload.sql reading
// the replay tables as of the moment), or from the checkpoint of a whole hour (open-checkpoint-at.sql).
// server/replay/workload-at.ts picks one.
import { toDateTime, toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import { wallWorkload, type WorkloadInput, type WorkloadResult, type WorkloadRow } from '../workload/wall-workload';

export interface WorkloadAtInput extends WorkloadInput {
  /** the moment shown, epoch ms */
  atMs: number;
}

export const workloadSpellsAt = defineQuery<WorkloadAtInput, WorkloadRow, WorkloadResult>({
  name: 'replay:workload-at',
  file: wallWorkload.file,
  params: (input) =>
    wallWorkload.params({ ...input, openCells: 'replay_open_spells', activityCells: 'replay_closures' }),
  parse: (rows, input) => wallWorkload.parse(rows, input),
});

interface CheckpointRow {
  child_region_code: number;
  open: number;
  overdue: number;
  due_soon: number;
  closed: number;
  closed_on_time: number;
  /** Decimal: a string in JSON */
  recovered_yuan: number | string;
}

/** The checkpoint's rows as wall-workload's: one 'open' row per child region, one 'activity' row. */
function asWorkloadRows(rows: CheckpointRow[]): WorkloadRow[] {
  const activity: WorkloadRow = {
    grouped_by: 'activity',
    child_region_code: 0,
    open_cases: 0,
    overdue_cases: 0,
    due_soon_cases: 0,
    closed_30d_cases: 0,
    closed_on_time_30d_cases: 0,
    recovered_today_yuan: 0,
  };
  const open = rows.map((row): WorkloadRow => {
    activity.closed_30d_cases += row.closed;
    activity.closed_on_time_30d_cases += row.closed_on_time;
    activity.recovered_today_yuan += Number(row.recovered_yuan);
    return {
      ...activity,
      grouped_by: 'open',
      child_region_code: row.child_region_code,
      open_cases: row.open,
      overdue_cases: row.overdue,
      due_soon_cases: row.due_soon,
      closed_30d_cases: 0,
      closed_on_time_30d_cases: 0,
      recovered_today_yuan: 0,
    };
  });
  return [...open, activity];
}

export const workloadCheckpointAt = defineQuery<WorkloadAtInput & { takenAtMs: number }, CheckpointRow, WorkloadResult>(
  {
    name: 'replay:open-checkpoint-at',
    file: new URL('./open-checkpoint-at.sql', import.meta.url),
    params: (input) => ({
      childDivisor: input.childDivisor,
      regionFrom: input.regionFrom,
      regionTo: input.regionTo,
      hour: toDateTime(input.atMs),
      takenAt: toDateTime64(input.takenAtMs),
    }),
    parse: (rows, input) => wallWorkload.parse(asWorkloadRows(rows), input),
  },
);
