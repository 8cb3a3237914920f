// Weeks of hourly background history written straight into the hourly intake rollup.
// Why not through case_versions like the live ingest: the hour-of-week baseline needs 8+ weeks of
// history, and cases dated weeks back would sit in the minute rollup (35-day TTL, relative to the
// real clock) only to expire; intake_hour keeps 6 years, so its rows for the last 11 weeks are
// exactly what the live system would hold. Outbreaks on top of it are ingested as real cases.
import { Rng } from '@simulator/random';
import { HOUR_MS } from '@shared/time';
import type { ClickHouse } from '../../server/clickhouse/client';
import { toDateTime } from '../../server/clickhouse/datetime';

/** Relative intake by hour of the day (China time): quiet nights, busy working hours. */
const DAY_SHAPE = [1, 1, 1, 1, 1, 1, 2, 4, 6, 8, 8, 7, 5, 6, 8, 8, 7, 6, 4, 3, 3, 2, 2, 1];
const SHAPE_TOTAL = DAY_SHAPE.reduce((a, b) => a + b, 0);

export interface BackgroundSeries {
  regionCode: string;
  category: string;
  casesPerDay: number;
}

/** Poisson counts for every hour from `weeks` weeks before `untilMs` up to the hour before it. */
export async function insertBackground(
  clickhouse: ClickHouse,
  series: readonly BackgroundSeries[],
  untilMs: number,
  { weeks = 11, seed = 1 } = {},
): Promise<number> {
  const rng = new Rng(seed);
  const lastHourMs = Math.floor(untilMs / HOUR_MS) * HOUR_MS - HOUR_MS;
  const rows: Record<string, unknown>[] = [];
  for (let hourMs = lastHourMs - weeks * 168 * HOUR_MS; hourMs <= lastHourMs; hourMs += HOUR_MS) {
    const cstHour = new Date(hourMs + 8 * HOUR_MS).getUTCHours();
    for (const { regionCode, category, casesPerDay } of series) {
      const cases = rng.poisson((casesPerDay * DAY_SHAPE[cstHour]) / SHAPE_TOTAL);
      if (cases === 0) continue;
      rows.push({
        hour: toDateTime(hourMs),
        region_code: Number(regionCode),
        line: 'consumer',
        kind: 'complaint',
        category,
        channel: 'phone',
        status: 'received',
        cases,
        urgent: 0,
        amount_yuan: '0',
        recovered_yuan: '0',
      });
    }
  }
  await clickhouse.insert('intake_hour', rows);
  return rows.length;
}

/** Merchants complaining at `perDay` each, one row a day in party_hour, for `days` days before `untilMs`. */
export async function insertPartyBackground(
  clickhouse: ClickHouse,
  merchants: number,
  untilMs: number,
  { days = 90, perDay = 0.3, seed = 2 } = {},
): Promise<number> {
  const rng = new Rng(seed);
  const rows: Record<string, unknown>[] = [];
  const lastHourMs = Math.floor(untilMs / HOUR_MS) * HOUR_MS - HOUR_MS;
  for (let day = 1; day <= days; day += 1) {
    for (let m = 0; m < merchants; m += 1) {
      const cases = rng.poisson(perDay);
      if (cases === 0) continue;
      rows.push({
        hour: toDateTime(lastHourMs - day * 24 * HOUR_MS),
        party_kind: 'merchant',
        party: `background-${m}`,
        category: 'prepaid-cards',
        region_code: 420103,
        cases,
      });
    }
  }
  await clickhouse.insert('party_hour', rows);
  return rows.length;
}
