// The part of an alert's explanation read from the store when it changes: how many cases its slice
// holds since it started, the first and latest of them, and the 48-hour sparkline. A slice of regions
// x category takes its sparkline from the hour rollup; one about a merchant, brand or term from the
// same per-hour count of cases as its totals (no rollup carries those by the hour yet).
import type { AlertSparkline } from '@shared/alerts';
import type { ClickHouse } from '../clickhouse/client';
import { runQuery } from '../clickhouse/define-query';
import {
  sliceCasesByHour,
  sliceCaseIds,
  sliceHours,
  sparklineOf,
  type AlertSlice,
} from '../queries/alerts/alert-slice';

export interface AlertExplanation {
  cases: number;
  firstCaseAt: string | null;
  latestCaseAt: string | null;
  sparkline: AlertSparkline;
}

export type { AlertSlice };

const aboutAParty = (slice: AlertSlice) => !!(slice.merchant || slice.brand || slice.term);

export async function explainAlert(clickhouse: ClickHouse, slice: AlertSlice, toMs: number): Promise<AlertExplanation> {
  const input = { slice, toMs };
  const [cases, rollupSparkline] = await Promise.all([
    runQuery(clickhouse, sliceCasesByHour, input),
    aboutAParty(slice) ? undefined : runQuery(clickhouse, sliceHours, input),
  ]);
  return {
    cases: cases.cases,
    firstCaseAt: cases.firstCaseAt,
    latestCaseAt: cases.latestCaseAt,
    sparkline: rollupSparkline ?? sparklineOf(toMs, cases.hours),
  };
}

/** The newest case ids of the slice since the alert started (at most ALERT_CASE_IDS_MAX). */
export function caseIdsOf(clickhouse: ClickHouse, slice: AlertSlice, toMs: number): Promise<string[]> {
  return runQuery(clickhouse, sliceCaseIds, { slice, toMs });
}
