// Gathers an analysis report from the store. Totals and the kind, line and channel breakdowns are
// the statistics API's own read (countReceived), so every one of them equals /api/v1/stats for the
// same scope and window; the rest comes from the same rollups (intake_hour, activity_hour, the
// per-day party rollups) and from the alerts' and incidents' repositories. A comparison window that
// starts before the first stored day is "no data" (null), never 0.
import { CHANNEL_CODES, GOODS_CATEGORIES, KIND_CODES, LINE_CODES, SERVICE_CATEGORIES } from '@shared/codes';
import { childCodeOf, scopeRange, type Scope } from '@shared/regions';
import { cstMidnight } from '@shared/time';
import type { ClickHouse, QueryOptions } from '../clickhouse/client';
import { runQuery } from '../clickhouse/define-query';
import type { AlertRepository } from '../alerts/repository';
import type { IncidentRepository } from '../incidents/repository';
import { earliestIntakeHour } from '../queries/alerts/earliest-intake-hour';
import { countReceived, type ReceivedCounts } from '../queries/intake/count-received';
import { closuresAndRecovery } from '../queries/reports/closures-and-recovery';
import { receivedByCategory } from '../queries/reports/received-by-category';
import { receivedByRegion } from '../queries/reports/received-by-region';
import { topParties } from '../queries/reports/top-parties';
import { REPORT_TOP, type Briefing, type Compared, type RankedCode } from './briefing';
import { cstDate, type ReportWindow, type ReportWindows } from './report-period';

export interface BriefingSources {
  clickhouse: ClickHouse;
  alerts: AlertRepository;
  incidents: IncidentRepository;
}

export async function gatherBriefing(
  sources: BriefingSources,
  scope: Scope,
  windows: ReportWindows,
  nowMs: number,
  options?: QueryOptions,
): Promise<Briefing> {
  const { clickhouse } = sources;
  const [regionFrom, regionTo] = scopeRange(scope);
  const region = { regionFrom, regionTo };
  const earliestMs = await runQuery(clickhouse, earliestIntakeHour, undefined, options);
  const historyFromMs = earliestMs > 0 ? cstMidnight(earliestMs) : null;
  const held = (w: ReportWindow) => historyFromMs !== null && w.fromMs >= historyFromMs;
  // the rollups' TTLs follow ClickHouse's clock, the real one (as the statistics API reads them)
  const counts = (w: ReportWindow) => countReceived(clickhouse, { ...region, ...w, nowMs: Date.now() }, options);
  const period = await counts(windows.period);
  const previous = held(windows.previous) ? await counts(windows.previous) : null;
  const yearAgo = held(windows.yearAgo) ? await counts(windows.yearAgo) : null;
  const compare = (pick: (c: ReceivedCounts) => number): Compared => ({
    value: pick(period),
    previous: previous && pick(previous),
    yearAgo: yearAgo && pick(yearAgo),
  });
  const breakdown = <C extends string>(codes: readonly C[], pick: (c: ReceivedCounts, code: C) => number) =>
    Object.fromEntries(codes.map((code) => [code, compare((c) => pick(c, code))])) as Record<C, Compared>;

  const categories = await runQuery(clickhouse, receivedByCategory, { ...region, ...windows.period }, options);
  const categoriesBefore = held(windows.previous)
    ? await runQuery(clickhouse, receivedByCategory, { ...region, ...windows.previous }, options)
    : null;
  const ranked = (codes: readonly string[]): RankedCode[] =>
    codes
      .map((code) => ({
        code,
        value: categories.get(code) ?? 0,
        previous: categoriesBefore && (categoriesBefore.get(code) ?? 0),
      }))
      .filter((item) => item.value > 0 || (item.previous ?? 0) > 0)
      .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code))
      .slice(0, REPORT_TOP);

  const counties = await runQuery(clickhouse, receivedByRegion, { ...region, ...windows.period }, options);
  const children = new Map<string, number>();
  for (const county of counties) {
    const child = scope === county.code ? county.code : (childCodeOf(scope, county.code) ?? county.code);
    children.set(child, (children.get(child) ?? 0) + county.cases);
  }
  const regions = [...children]
    .map(([code, value]) => ({ code, value, previous: null }))
    .sort((a, b) => b.value - a.value || a.code.localeCompare(b.code))
    .slice(0, REPORT_TOP);

  const parties = await runQuery(
    clickhouse,
    topParties,
    { ...region, dayFrom: cstDate(windows.period.fromMs), dayTo: cstDate(windows.period.toMs), limit: REPORT_TOP },
    options,
  );
  const activity = (w: ReportWindow) => runQuery(clickhouse, closuresAndRecovery, { ...region, ...w }, options);
  const closures = {
    period: await activity(windows.period),
    previous: held(windows.previous) ? await activity(windows.previous) : null,
    yearAgo: held(windows.yearAgo) ? await activity(windows.yearAgo) : null,
  };

  const { fromMs, toMs } = windows.period;
  const alerts = sources.alerts.list({
    scope,
    status: 'all',
    from: new Date(fromMs).toISOString(),
    to: new Date(toMs).toISOString(),
  });
  const incidents = sources.incidents.list({ scope, status: 'all' }).filter((incident) => {
    const endedAt = incident.closedAt ?? incident.cancelledAt;
    return Date.parse(incident.openedAt) < toMs && (endedAt === null || Date.parse(endedAt) >= fromMs);
  });

  return {
    scope,
    windows,
    historyFromMs,
    generatedAtMs: nowMs,
    totals: compare((c) => c.total),
    byKind: breakdown(KIND_CODES, (c, code) => c.byKind[code]),
    byLine: breakdown(LINE_CODES, (c, code) => c.byLine[code]),
    byChannel: breakdown(CHANNEL_CODES, (c, code) => c.byChannel[code]),
    goods: ranked(GOODS_CATEGORIES),
    services: ranked(SERVICE_CATEGORIES),
    merchants: parties.merchants,
    brands: parties.brands,
    regions,
    closures,
    alerts,
    incidents,
  };
}
