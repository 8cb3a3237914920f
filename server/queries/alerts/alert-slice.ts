// What explains an alert, read from the store: the cases of its slice (its regions x its category,
// merchant, brand or term) by hour, the first and latest of them, and the newest case ids.
import { ALERT_CASE_IDS_MAX, SPARKLINE_HOURS, type AlertSparkline } from '@shared/alerts';
import type { Category } from '@shared/codes';
import { getRegion, scopeRange } from '@shared/regions';
import { HOUR_MS, floorTo } from '@shared/time';
import { defineQuery } from '../../clickhouse/define-query';
import { toDateTime, toDateTime64 } from '../../clickhouse/datetime';

export interface AlertSlice {
  regionCodes: readonly string[];
  category?: Category;
  merchant?: { name: string };
  brand?: string;
  term?: string;
  /** ISO: the alert's earliest window start */
  startedAt: string;
}

/** The slice up to `toMs`: the moment the alert is explained at. */
export interface SliceInput {
  slice: AlertSlice;
  toMs: number;
}

/** Adcode ranges of the slice's regions (a region the pack lacks counts as itself alone), as two arrays. */
function rangesOf(regionCodes: readonly string[]): { regionFrom: number[]; regionTo: number[] } {
  const ranges = regionCodes.map((code) => (getRegion(code) ? scopeRange(code) : [Number(code), Number(code)]));
  return { regionFrom: ranges.map((r) => r[0]), regionTo: ranges.map((r) => r[1]) };
}

function sliceParams({ slice }: SliceInput) {
  return {
    ...rangesOf(slice.regionCodes),
    category: slice.category ?? '',
    merchant: slice.merchant?.name ?? '',
    brand: slice.brand ?? '',
    term: slice.term ?? '',
  };
}

/** The first hour of the sparkline: it ends with the hour of `toMs`. */
export function sparklineStartMs(toMs: number): number {
  return floorTo(toMs, HOUR_MS) - (SPARKLINE_HOURS - 1) * HOUR_MS;
}

export function sparklineOf(toMs: number, hours: ReadonlyArray<{ hourMs: number; cases: number }>): AlertSparkline {
  const startMs = sparklineStartMs(toMs);
  const counts = new Array<number>(SPARKLINE_HOURS).fill(0);
  for (const { hourMs, cases } of hours) {
    const index = (hourMs - startMs) / HOUR_MS;
    if (index >= 0 && index < SPARKLINE_HOURS) counts[index] = cases;
  }
  return { start: new Date(startMs).toISOString(), stepMs: HOUR_MS, counts };
}

interface CasesByHourRow {
  hour_ms: number | string;
  cases: number | string;
  since_start: number | string;
  first_ms: number | string;
  latest_ms: number | string;
}

export interface SliceCases {
  hours: Array<{ hourMs: number; cases: number }>;
  /** cases since startedAt */
  cases: number;
  firstCaseAt: string | null;
  latestCaseAt: string | null;
}

export const sliceCasesByHour = defineQuery<SliceInput, CasesByHourRow, SliceCases>({
  name: 'alerts:slice-cases-by-hour',
  file: new URL('./slice-cases-by-hour.sql', import.meta.url),
  params: (input) => ({
    ...sliceParams(input),
    startedAt: toDateTime64(Date.parse(input.slice.startedAt)),
    from: toDateTime64(Math.min(Date.parse(input.slice.startedAt), sparklineStartMs(input.toMs))),
    to: toDateTime64(input.toMs + 1),
  }),
  parse(rows) {
    const withCases = rows.filter((r) => Number(r.since_start) > 0);
    const iso = (ms: number) => new Date(ms).toISOString();
    return {
      hours: rows.map((r) => ({ hourMs: Number(r.hour_ms), cases: Number(r.cases) })),
      cases: withCases.reduce((sum, r) => sum + Number(r.since_start), 0),
      firstCaseAt: withCases.length ? iso(Math.min(...withCases.map((r) => Number(r.first_ms)))) : null,
      latestCaseAt: withCases.length ? iso(Math.max(...withCases.map((r) => Number(r.latest_ms)))) : null,
    };
  },
});

export const sliceHours = defineQuery<SliceInput, { hour_ms: number | string; cases: number | string }, AlertSparkline>(
  {
    name: 'alerts:slice-hours',
    file: new URL('./slice-hours.sql', import.meta.url),
    params: (input) => ({
      ...rangesOf(input.slice.regionCodes),
      category: input.slice.category ?? '',
      from: toDateTime(sparklineStartMs(input.toMs)),
      to: toDateTime(floorTo(input.toMs, HOUR_MS) + HOUR_MS),
    }),
    parse: (rows, input) =>
      sparklineOf(
        input.toMs,
        rows.map((r) => ({ hourMs: Number(r.hour_ms), cases: Number(r.cases) })),
      ),
  },
);

export const sliceCaseIds = defineQuery<SliceInput, { id: string }, string[]>({
  name: 'alerts:slice-case-ids',
  file: new URL('./slice-case-ids.sql', import.meta.url),
  params: (input) => ({
    ...sliceParams(input),
    from: toDateTime64(Date.parse(input.slice.startedAt)),
    to: toDateTime64(input.toMs + 1),
    limit: ALERT_CASE_IDS_MAX,
  }),
  parse: (rows) => rows.map((r) => r.id),
});
