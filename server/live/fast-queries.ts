// The queries run for every active scope on every tick: intake (one scan of the minute rollup for the
// KPIs, the volume series, the mixes and the child regions), the feed of recent cases, the heatmap.
import { CHANNEL_CODES, KIND_CODES, LINE_CODES, TERMINAL_STATUSES } from '@shared/codes';
import type { Channel, Category, Kind, Line, Status } from '@shared/codes';
import { LIMITS } from '@shared/panels';
import { childCodeOf } from '@shared/regions';
import type { CaseCounts, HeatPoint, LatestCase, RankedItem } from '@shared/wall-events';
import type { ClickHouse } from '../clickhouse/client';
import { toDateTime, toDateTime64 } from '../clickhouse/datetime';
import { loadQuery } from '../queries/load';
import {
  FEED_WINDOW_MS,
  HEAT_BIN_DEGREES,
  HEAT_MAX_POINTS,
  HEAT_WINDOW_MS,
  URGENT_WINDOW_MS,
  VOLUME_MINUTES,
  type ScopeParams,
  type TickTimes,
} from './tick-window';

const intakeSql = loadQuery('wall-intake');
const feedSql = loadQuery('wall-feed');
const heatSql = loadQuery('wall-heat');

/** Newest cases shown in the feed, and the cap on urgent markers (the client keeps at most 200). */
export const LATEST_CASES = LIMITS.feedCases;
export const URGENT_CASES = LIMITS.mapMarkers;

type Int = number | string;

interface IntakeRow {
  part: 'minute' | 'kind_line' | 'channel' | 'category' | 'child';
  minute_s: Int;
  kind: string;
  line: string;
  channel: string;
  category: string;
  child: Int;
  window_cases: Int;
  today_cases: Int;
  hour_cases: Int;
  today_amount_yuan: number;
}

export interface ChildIntake {
  today: number;
  lastHour: number;
}

export interface IntakeResult {
  /** cases per minute over the window; index 0 is windowFromMs */
  minutes: number[];
  windowFromMs: number;
  today: CaseCounts;
  lastHour: number;
  involvedTodayYuan: number;
  channelMix: Record<Channel, number>;
  categories: RankedItem[];
  /** by child region code of the scope */
  children: Map<string, ChildIntake>;
}

export function zeroes<K extends string>(codes: readonly K[]): Record<K, number> {
  return Object.fromEntries(codes.map((c) => [c, 0])) as Record<K, number>;
}

export function emptyCounts(): CaseCounts {
  return { total: 0, byKind: zeroes(KIND_CODES), byLine: zeroes(LINE_CODES) };
}

/** Adds n cases of one kind x line cell; codes outside the lists (none are stored) are ignored. */
export function addToCounts(counts: CaseCounts, kind: string, line: string, n: number): void {
  counts.total += n;
  if (kind in counts.byKind) counts.byKind[kind as Kind] += n;
  if (line in counts.byLine) counts.byLine[line as Line] += n;
}

/** The child region of the scope an SQL child code belongs to; undefined for the scope's own code. */
export function childOf(scope: ScopeParams, child: Int): string | undefined {
  return childCodeOf(scope.scope, String(child).padStart(6, '0'));
}

export async function queryIntake(ch: ClickHouse, scope: ScopeParams, t: TickTimes): Promise<IntakeResult> {
  const rows = await ch.query<IntakeRow>('wall-intake', intakeSql, {
    childDivisor: scope.childDivisor,
    regionFrom: scope.regionFrom,
    regionTo: scope.regionTo,
    windowFrom: toDateTime(t.windowFromMs),
    windowTo: toDateTime(t.minuteMs),
    todayFrom: toDateTime(t.todayFromMs),
    hourFrom: toDateTime(t.hourFromMs),
  });
  const result: IntakeResult = {
    minutes: new Array<number>(VOLUME_MINUTES).fill(0),
    windowFromMs: t.windowFromMs,
    today: emptyCounts(),
    lastHour: 0,
    involvedTodayYuan: 0,
    channelMix: zeroes(CHANNEL_CODES),
    categories: [],
    children: new Map(),
  };
  for (const row of rows) {
    const today = Number(row.today_cases);
    if (row.part === 'minute') {
      const index = (Number(row.minute_s) * 1000 - t.windowFromMs) / 60_000;
      if (index >= 0 && index < VOLUME_MINUTES) result.minutes[index] = Number(row.window_cases);
      result.lastHour += Number(row.hour_cases);
    } else if (row.part === 'kind_line') {
      addToCounts(result.today, row.kind, row.line, today);
      result.involvedTodayYuan += Number(row.today_amount_yuan);
    } else if (row.part === 'channel') {
      if (row.channel in result.channelMix) result.channelMix[row.channel as Channel] += today;
    } else if (row.part === 'category') {
      if (today > 0) result.categories.push({ key: row.category as Category, count: today });
    } else {
      const code = childOf(scope, row.child);
      if (!code) continue;
      const seen = result.children.get(code) ?? { today: 0, lastHour: 0 };
      seen.today += today;
      seen.lastHour += Number(row.hour_cases);
      result.children.set(code, seen);
    }
  }
  result.involvedTodayYuan = Math.round(result.involvedTodayYuan * 100) / 100;
  result.categories.sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
  return result;
}

interface FeedRow {
  list: 'latest' | 'urgent';
  id: string;
  received_at_ms: Int;
  region_code: Int;
  line: Line;
  kind: Kind;
  channel: Channel;
  category: Category;
  status: Status;
  urgent: Int;
  lon: number | null;
  lat: number | null;
  summary: string;
}

export interface FeedResult {
  latestCases: LatestCase[];
  urgentCases: LatestCase[];
}

function toLatestCase(row: FeedRow): LatestCase {
  return {
    id: row.id,
    receivedAt: new Date(Number(row.received_at_ms)).toISOString(),
    regionCode: String(row.region_code).padStart(6, '0'),
    line: row.line,
    kind: row.kind,
    channel: row.channel,
    category: row.category,
    status: row.status,
    urgent: Number(row.urgent) === 1,
    summary: row.summary,
    location: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
  };
}

export async function queryFeed(ch: ClickHouse, scope: ScopeParams, t: TickTimes): Promise<FeedResult> {
  const rows = await ch.query<FeedRow>('wall-feed', feedSql, {
    regionFrom: scope.regionFrom,
    regionTo: scope.regionTo,
    latestFrom: toDateTime64(t.nowMs - FEED_WINDOW_MS),
    urgentFrom: toDateTime64(t.nowMs - URGENT_WINDOW_MS),
    to: toDateTime64(t.nowMs),
    latestLimit: LATEST_CASES,
    urgentLimit: URGENT_CASES,
    terminalStatuses: [...TERMINAL_STATUSES],
  });
  const result: FeedResult = { latestCases: [], urgentCases: [] };
  for (const row of rows) (row.list === 'latest' ? result.latestCases : result.urgentCases).push(toLatestCase(row));
  return result;
}

interface HeatRow {
  lon_bin: number;
  lat_bin: number;
  cases: Int;
}

export async function queryHeat(ch: ClickHouse, scope: ScopeParams, t: TickTimes): Promise<HeatPoint[]> {
  const rows = await ch.query<HeatRow>('wall-heat', heatSql, {
    regionFrom: scope.regionFrom,
    regionTo: scope.regionTo,
    from: toDateTime64(t.nowMs - HEAT_WINDOW_MS),
    to: toDateTime64(t.nowMs),
    step: HEAT_BIN_DEGREES[scope.level],
    maxPoints: HEAT_MAX_POINTS,
  });
  return rows.map((r) => [r.lon_bin, r.lat_bin, Number(r.cases)]);
}
