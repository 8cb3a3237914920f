// From the last good answer of each query group to the payload parts, with the time each part is
// current to. A part drawn from several groups is as old as its oldest source: the wall must never
// look fresher than it is. Which groups feed which part is declared once, below; the refresh cadence
// each part announces (shared/panels.ts) is checked against it in assemble-panels.test.ts.
import { activeCalendar } from '@shared/calendar';
import type { Refresh } from '@shared/panels';
import { childrenOf } from '@shared/regions';
import { MINUTE_MS, WEEK_MS } from '@shared/time';
import type { HeatPoint, PartName, RegionRow, WallParts } from '@shared/wall-events';
import type { FeedResult } from '../queries/feed/wall-feed';
import type { HistoryResult } from '../queries/intake/wall-history';
import type { IntakeResult } from '../queries/intake/wall-intake';
import type { PartiesResult } from '../queries/parties/wall-parties';
import type { WorkloadResult } from '../queries/workload/wall-workload';
import type { ScopeParams } from './tick-window';

interface Answer<R> {
  value: R;
  forMs: number;
}

export interface GroupAnswers {
  intake: Answer<IntakeResult>;
  feed: Answer<FeedResult>;
  heat: Answer<HeatPoint[]>;
  workload: Answer<WorkloadResult>;
  parties: Answer<PartiesResult>;
  history: Answer<HistoryResult>;
}

export type GroupName = keyof GroupAnswers;

/** How often each query group runs: every tick, or every SLOW_REFRESH_MS. */
export const GROUP_REFRESH: Record<GroupName, Refresh> = {
  intake: 'tick',
  feed: 'tick',
  heat: 'tick',
  workload: 'slow',
  parties: 'slow',
  history: 'slow',
};

/** The groups each part is computed from; none: the part is as current as the tick (alerts come from memory). */
export const PART_SOURCES: Record<PartName, readonly GroupName[]> = {
  kpis: ['intake', 'workload', 'history'],
  volume: ['intake', 'history'],
  regions: ['intake', 'workload'],
  topCategories: ['intake'],
  topMerchants: ['parties'],
  topBrands: ['parties'],
  channelMix: ['intake'],
  lineMix: ['intake'],
  latestCases: ['feed'],
  urgentCases: ['feed'],
  heat: ['heat'],
  alerts: [],
  incidents: [],
};

/** Parts kept in the server's memory by a write domain (no query): read afresh each tick. */
export type MemoryParts = Pick<WallParts, 'incidents' | 'alerts'>;

export interface AssembledPanels {
  panels: WallParts;
  panelAsOfMs: Record<PartName, number>;
  /** the time every-tick panels are current to: the payload's asOf */
  asOfMs: number;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function regionRows(scope: ScopeParams, intake: IntakeResult, workload: WorkloadResult): RegionRow[] {
  // every child of the scope, zero counts included: a quiet region is a fact, not a gap
  return childrenOf(scope.scope).map((region) => {
    const counted = intake.children.get(region.code);
    const load = workload.children.get(region.code);
    const today = counted?.today ?? 0;
    return {
      code: region.code,
      name: region.name,
      today,
      lastHour: counted?.lastHour ?? 0,
      todayPer100k: region.population ? round((today / region.population) * 100_000, 3) : null,
      open: load?.open ?? 0,
      overdue: load?.overdue ?? 0,
      dueSoon: load?.dueSoon ?? 0,
    };
  });
}

/** The week-ago minutes aligned with the window; 0 only past what the history query covered. */
function baselineFor(intake: IntakeResult, history: HistoryResult): number[] {
  const offset = (intake.windowFromMs - WEEK_MS - history.baselineFromMs) / MINUTE_MS;
  return intake.minutes.map((_, i) => history.baseline[offset + i] ?? 0);
}

export function assemblePanels(scope: ScopeParams, a: GroupAnswers, memory: MemoryParts): AssembledPanels {
  const intake = a.intake.value;
  const workload = a.workload.value;
  const history = a.history.value;
  const asOfMs = Math.min(a.intake.forMs, a.feed.forMs, a.heat.forMs);
  const panels: WallParts = {
    kpis: {
      today: intake.today,
      sameTimeYesterday: history.sameTimeYesterday,
      sameTimeLastWeek: history.sameTimeLastWeek,
      lastHour: intake.lastHour,
      open: workload.open,
      overdue: workload.overdue,
      dueSoon: workload.dueSoon,
      missingCalendarYears: activeCalendar().missingYears(a.workload.forMs),
      onTimeRate30d: workload.closed30d > 0 ? round(workload.closedOnTime30d / workload.closed30d, 4) : null,
      closed30d: workload.closed30d,
      recoveredTodayYuan: workload.recoveredTodayYuan,
      involvedTodayYuan: intake.involvedTodayYuan,
    },
    volume: {
      start: new Date(intake.windowFromMs).toISOString(),
      stepMs: MINUTE_MS,
      current: intake.minutes,
      baseline: baselineFor(intake, history),
    },
    regions: regionRows(scope, intake, workload),
    topCategories: intake.categories,
    topMerchants: a.parties.value.topMerchants,
    topBrands: a.parties.value.topBrands,
    channelMix: intake.channelMix,
    lineMix: intake.today.byLine,
    latestCases: a.feed.value.latestCases,
    urgentCases: a.feed.value.urgentCases,
    heat: a.heat.value,
    alerts: memory.alerts,
    incidents: memory.incidents,
  };
  const panelAsOfMs = {} as Record<PartName, number>;
  for (const [part, sources] of Object.entries(PART_SOURCES) as [PartName, GroupName[]][])
    panelAsOfMs[part] = sources.length ? Math.min(...sources.map((g) => a[g].forMs)) : asOfMs;
  return { panels, panelAsOfMs, asOfMs };
}
