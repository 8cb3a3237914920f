// What each of a scope's query groups asks on a tick: the query modules of server/queries/ with the
// tick's windows and the wall's limits. Every tick: intake, feed, heat; every few seconds (the slow
// groups, scope-room.ts): workload, parties and the week-ago history.
import { TERMINAL_STATUSES } from '@shared/codes';
import { LIMITS } from '@shared/panels';
import { DAY_MS, MINUTE_MS, WEEK_MS } from '@shared/time';
import type { HeatPoint } from '@shared/wall-events';
import type { ClickHouse } from '../clickhouse/client';
import { runQuery } from '../clickhouse/define-query';
import { wallFeed, type FeedResult } from '../queries/feed/wall-feed';
import { wallHeat } from '../queries/feed/wall-heat';
import { wallHistory, type HistoryResult } from '../queries/intake/wall-history';
import { wallIntake, type IntakeResult } from '../queries/intake/wall-intake';
import { wallParties, type PartiesResult } from '../queries/parties/wall-parties';
import { wallWorkload, type WorkloadResult } from '../queries/workload/wall-workload';
import {
  BASELINE_AHEAD_MINUTES,
  FEED_WINDOW_MS,
  HEAT_BIN_DEGREES,
  HEAT_MAX_POINTS,
  HEAT_WINDOW_MS,
  ON_TIME_WINDOW_MS,
  URGENT_WINDOW_MS,
  VOLUME_MINUTES,
  cstDate,
  type ScopeParams,
  type TickTimes,
} from './tick-window';

/** Newest cases shown in the feed, and the cap on urgent markers (the client keeps at most 200). */
export const LATEST_CASES = LIMITS.feedCases;
export const URGENT_CASES = LIMITS.mapMarkers;
export const TOP_PARTIES = LIMITS.rankedParties;

export function queryIntake(ch: ClickHouse, scope: ScopeParams, t: TickTimes): Promise<IntakeResult> {
  const { windowFromMs, minuteMs: windowToMs, todayFromMs, hourFromMs } = t;
  return runQuery(ch, wallIntake, { ...scope, windowFromMs, windowToMs, todayFromMs, hourFromMs });
}

export function queryFeed(ch: ClickHouse, scope: ScopeParams, t: TickTimes): Promise<FeedResult> {
  return runQuery(ch, wallFeed, {
    ...scope,
    latestFromMs: t.nowMs - FEED_WINDOW_MS,
    urgentFromMs: t.nowMs - URGENT_WINDOW_MS,
    toMs: t.nowMs,
    latestLimit: LATEST_CASES,
    urgentLimit: URGENT_CASES,
    terminalStatuses: TERMINAL_STATUSES,
  });
}

export function queryHeat(ch: ClickHouse, scope: ScopeParams, t: TickTimes): Promise<HeatPoint[]> {
  return runQuery(ch, wallHeat, {
    ...scope,
    fromMs: t.nowMs - HEAT_WINDOW_MS,
    toMs: t.nowMs,
    binDegrees: HEAT_BIN_DEGREES[scope.level],
    maxPoints: HEAT_MAX_POINTS,
  });
}

export function queryWorkload(ch: ClickHouse, scope: ScopeParams, t: TickTimes): Promise<WorkloadResult> {
  return runQuery(ch, wallWorkload, {
    ...scope,
    hourNowMs: t.hourNowMs,
    dueSoonByMs: t.dueSoonByMs,
    closedFromMs: t.hourNowMs - ON_TIME_WINDOW_MS,
    recoveredFromMs: t.todayFromMs,
  });
}

export function queryParties(ch: ClickHouse, scope: ScopeParams, t: TickTimes): Promise<PartiesResult> {
  return runQuery(ch, wallParties, { ...scope, day: cstDate(t.nowMs), limit: TOP_PARTIES });
}

/**
 * The week-ago minutes of the volume window and some ahead (so the window can shift until the next
 * refresh), and today's minutes so far one day and one week back.
 */
export function queryHistory(ch: ClickHouse, scope: ScopeParams, t: TickTimes): Promise<HistoryResult> {
  const baselineFromMs = t.windowFromMs - WEEK_MS;
  return runQuery(ch, wallHistory, {
    ...scope,
    baseline: {
      fromMs: baselineFromMs,
      toMs: baselineFromMs + (VOLUME_MINUTES + BASELINE_AHEAD_MINUTES - 1) * MINUTE_MS,
    },
    yesterday: { fromMs: t.todayFromMs - DAY_MS, toMs: t.minuteMs - DAY_MS },
    lastWeek: { fromMs: t.todayFromMs - WEEK_MS, toMs: t.minuteMs - WEEK_MS },
  });
}
