// The queries run for a scope every few seconds rather than every tick: figures that move slowly or
// look back further (open and overdue, the 30-day on-time rate, money recovered, top merchants and
// brands, the week-ago baseline and the same-time-yesterday / last-week comparisons).
import { LIMITS } from '@shared/panels';
import type { CaseCounts, RankedItem } from '@shared/wall-events';
import type { ClickHouse } from '../clickhouse/client';
import { toDateTime } from '../clickhouse/datetime';
import { loadQuery } from '../queries/load';
import { addToCounts, childOf, emptyCounts } from './fast-queries';
import {
  BASELINE_AHEAD_MINUTES,
  ON_TIME_WINDOW_MS,
  VOLUME_MINUTES,
  cstDate,
  type ScopeParams,
  type TickTimes,
} from './tick-window';
import { DAY_MS, MINUTE_MS, WEEK_MS } from '@shared/time';

const workloadSql = loadQuery('wall-workload');
const partiesSql = loadQuery('wall-parties');
const historySql = loadQuery('wall-history');

export const TOP_PARTIES = LIMITS.rankedParties;

type Int = number | string;

interface WorkloadRow {
  part: 'open' | 'activity';
  child: Int;
  a: Int;
  b: Int;
  yuan: number;
}

export interface WorkloadResult {
  open: number;
  overdue: number;
  closed30d: number;
  closedOnTime30d: number;
  recoveredTodayYuan: number;
  children: Map<string, { open: number; overdue: number }>;
}

export async function queryWorkload(ch: ClickHouse, scope: ScopeParams, t: TickTimes): Promise<WorkloadResult> {
  const rows = await ch.query<WorkloadRow>('wall-workload', workloadSql, {
    childDivisor: scope.childDivisor,
    regionFrom: scope.regionFrom,
    regionTo: scope.regionTo,
    hourNow: toDateTime(t.hourNowMs),
    closedFrom: toDateTime(t.hourNowMs - ON_TIME_WINDOW_MS),
    todayFrom: toDateTime(t.todayFromMs),
  });
  const result: WorkloadResult = {
    open: 0,
    overdue: 0,
    closed30d: 0,
    closedOnTime30d: 0,
    recoveredTodayYuan: 0,
    children: new Map(),
  };
  for (const row of rows) {
    if (row.part === 'activity') {
      result.closed30d += Number(row.a);
      result.closedOnTime30d += Number(row.b);
      result.recoveredTodayYuan += Number(row.yuan);
      continue;
    }
    const open = Number(row.a);
    const overdue = Number(row.b);
    result.open += open;
    result.overdue += overdue;
    const code = childOf(scope, row.child);
    if (!code) continue;
    const seen = result.children.get(code) ?? { open: 0, overdue: 0 };
    seen.open += open;
    seen.overdue += overdue;
    result.children.set(code, seen);
  }
  result.recoveredTodayYuan = Math.round(result.recoveredTodayYuan * 100) / 100;
  return result;
}

interface PartyRow {
  party: 'merchant' | 'brand';
  name: string;
  cases: Int;
}

export interface PartiesResult {
  topMerchants: RankedItem[];
  topBrands: RankedItem[];
}

export async function queryParties(ch: ClickHouse, scope: ScopeParams, t: TickTimes): Promise<PartiesResult> {
  const rows = await ch.query<PartyRow>('wall-parties', partiesSql, {
    day: cstDate(t.nowMs),
    regionFrom: scope.regionFrom,
    regionTo: scope.regionTo,
    limit: TOP_PARTIES,
  });
  const result: PartiesResult = { topMerchants: [], topBrands: [] };
  for (const row of rows)
    (row.party === 'merchant' ? result.topMerchants : result.topBrands).push({
      key: row.name,
      count: Number(row.cases),
    });
  return result;
}

interface HistoryRow {
  part: 'minute' | 'kind_line';
  minute_s: Int;
  kind: string;
  line: string;
  baseline_cases: Int;
  yesterday_cases: Int;
  last_week_cases: Int;
}

export interface HistoryResult {
  /** cases per minute one week before the minutes from baselineFromMs + WEEK_MS on */
  baseline: number[];
  /** the minute (a week ago) of baseline[0] */
  baselineFromMs: number;
  sameTimeYesterday: CaseCounts;
  sameTimeLastWeek: CaseCounts;
}

export async function queryHistory(ch: ClickHouse, scope: ScopeParams, t: TickTimes): Promise<HistoryResult> {
  const minutes = VOLUME_MINUTES + BASELINE_AHEAD_MINUTES;
  const baselineFromMs = t.windowFromMs - WEEK_MS;
  const rows = await ch.query<HistoryRow>('wall-history', historySql, {
    regionFrom: scope.regionFrom,
    regionTo: scope.regionTo,
    baselineFrom: toDateTime(baselineFromMs),
    baselineTo: toDateTime(baselineFromMs + (minutes - 1) * MINUTE_MS),
    yesterdayFrom: toDateTime(t.todayFromMs - DAY_MS),
    yesterdayTo: toDateTime(t.minuteMs - DAY_MS),
    lastWeekFrom: toDateTime(t.todayFromMs - WEEK_MS),
    lastWeekTo: toDateTime(t.minuteMs - WEEK_MS),
  });
  const result: HistoryResult = {
    baseline: new Array<number>(minutes).fill(0),
    baselineFromMs,
    sameTimeYesterday: emptyCounts(),
    sameTimeLastWeek: emptyCounts(),
  };
  for (const row of rows) {
    if (row.part === 'minute') {
      const index = (Number(row.minute_s) * 1000 - baselineFromMs) / MINUTE_MS;
      if (index >= 0 && index < minutes) result.baseline[index] = Number(row.baseline_cases);
    } else {
      addToCounts(result.sameTimeYesterday, row.kind, row.line, Number(row.yesterday_cases));
      addToCounts(result.sameTimeLastWeek, row.kind, row.line, Number(row.last_week_cases));
    }
  }
  return result;
}
