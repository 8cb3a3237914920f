// Open, overdue and due-soon cases of one scope by child region (open_cases), and its closures, on-time
// closures and money recovered (activity_hour).
import { toDateTime, toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import { childOf, type ChildRegions } from '../region-range';

export interface WorkloadInput extends ChildRegions {
  /** start of the current hour: a case whose deadline hour is before it is overdue */
  hourNowMs: number;
  /** end of the second working day from today (the holiday calendar): a case due by then is due soon */
  dueSoonByMs: number;
  /** closures are counted from here (the on-time window) */
  closedFromMs: number;
  /** money recovered is counted from here (today) */
  recoveredFromMs: number;
}

/** Where the cells are read from: the live rollups, or a replay's spells as of a moment (migration 0101). */
export interface WorkloadCells {
  openCells: 'open_cases' | 'replay_open_spells';
  activityCells: 'activity_hour' | 'replay_closures';
  /** the moment, epoch ms: the live rollups' rows cover every moment */
  atMs: number;
}

const LIVE_CELLS = { openCells: 'open_cases', activityCells: 'activity_hour' } as const;

export interface WorkloadRow {
  grouped_by: 'open' | 'activity';
  child_region_code: number;
  open_cases: number;
  overdue_cases: number;
  due_soon_cases: number;
  closed_30d_cases: number;
  closed_on_time_30d_cases: number;
  recovered_today_yuan: number;
}

export interface WorkloadResult {
  open: number;
  overdue: number;
  dueSoon: number;
  closed30d: number;
  closedOnTime30d: number;
  recoveredTodayYuan: number;
  children: Map<string, { open: number; overdue: number; dueSoon: number }>;
}

export const wallWorkload = defineQuery<WorkloadInput & Partial<WorkloadCells>, WorkloadRow, WorkloadResult>({
  name: 'wall-workload',
  file: new URL('./wall-workload.sql', import.meta.url),
  params: (input) => ({
    openCells: input.openCells ?? LIVE_CELLS.openCells,
    activityCells: input.activityCells ?? LIVE_CELLS.activityCells,
    at: toDateTime64(input.atMs ?? input.hourNowMs),
    childDivisor: input.childDivisor,
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
    hourNow: toDateTime(input.hourNowMs),
    dueSoonBy: toDateTime(input.dueSoonByMs),
    closedFrom: toDateTime(input.closedFromMs),
    todayFrom: toDateTime(input.recoveredFromMs),
  }),
  parse(rows, input) {
    const result: WorkloadResult = {
      open: 0,
      overdue: 0,
      dueSoon: 0,
      closed30d: 0,
      closedOnTime30d: 0,
      recoveredTodayYuan: 0,
      children: new Map(),
    };
    for (const row of rows) {
      if (row.grouped_by === 'activity') {
        result.closed30d += row.closed_30d_cases;
        result.closedOnTime30d += row.closed_on_time_30d_cases;
        result.recoveredTodayYuan += row.recovered_today_yuan;
        continue;
      }
      result.open += row.open_cases;
      result.overdue += row.overdue_cases;
      result.dueSoon += row.due_soon_cases;
      const code = childOf(input, row.child_region_code);
      if (!code) continue;
      const seen = result.children.get(code) ?? { open: 0, overdue: 0, dueSoon: 0 };
      seen.open += row.open_cases;
      seen.overdue += row.overdue_cases;
      seen.dueSoon += row.due_soon_cases;
      result.children.set(code, seen);
    }
    result.recoveredTodayYuan = Math.round(result.recoveredTodayYuan * 100) / 100;
    return result;
  },
});
