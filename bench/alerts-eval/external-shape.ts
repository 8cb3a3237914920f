// The external-shape check of issue 10, as our own seeded harness: the hourly history of two
// provinces (about 2,700 cases a day, overdispersed day to day, a weekly and daily rhythm, quieter
// public holidays, merchants named on part of the cases), written into a real chDB store's hourly
// rollups (intake_hour, party_hour: what the live system would hold), with labelled outbreaks
// (county surges, merchant steps, clusters over neighbouring counties) injected into the last 14
// days. The real detectors run through the backtest path (server/alerts/detectors/backtest.ts):
// first on the outbreak-free twin (false alerts a day), then with the outbreaks added to the same
// store (share detected within 24 h of onset, 48 h for merchant and cluster outbreaks).
// Usage: npx tsx bench/alerts-eval/external-shape.ts [--seed N] [--provinces 42,43] [--days 14]
// Outbreak shapes (chosen before any run, not from the detectors' results):
//   surge: one county x category, total Poisson(5 x the cell's daily SD), at least 6, cases over
//     lognormal hours after onset (median 8 h);
//   merchant: a merchant with no history gains +1 to +5 cases a day (DETECTION-NOTES' product
//     extension) until the end of the span, in one county;
//   cluster: a county and its 3-6 nearest counties, one category, total Poisson(5 x the zone's
//     daily SD), at least 8, spread uniformly over the zone and over 1-3 days.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CATEGORY_CODES } from '@shared/codes';
import { allRegions } from '@shared/regions';
import { DAY_MS, HOUR_MS, CST_OFFSET_MS } from '@shared/time';
import { Rng } from '@simulator/random';
import type { BacktestAlert } from '@shared/alert-backtest';
import { createClickHouse, type ClickHouse } from '../../server/clickhouse/client';
import { migrate } from '../../server/clickhouse/migrate';
import { toDateTime } from '../../server/clickhouse/datetime';
import { runBacktest } from '../../server/alerts/detectors/backtest';
import { DEFAULT_ALERT_BUDGET_PER_DAY } from '../../server/alerts/detectors/budget';
import { isSpecialDay } from '../../server/alerts/detectors/calendar-effects';
import { nearestCounties } from '../../server/alerts/detectors/neighbours';
import { gamma, poisson } from './series';

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const SEED = Number(arg('seed', '1'));
const PROVINCES = arg('provinces', '42,43').split(',');
const SPAN_DAYS = Number(arg('days', '14'));
const HISTORY_DAYS = 91;
const CASES_PER_DAY = 2_700;
/** day-to-day coefficient of variation of the whole intake, and of each province on top */
const DAY_CV = 0.2;
const PROVINCE_DAY_CV = 0.1;
const HOLIDAY_FACTOR = 0.6;
const WEEKDAY_FACTOR = [0.7, 1.05, 1.05, 1.05, 1.05, 1.0, 0.75]; // Sunday first
const MEAN_WEEKDAY_FACTOR = WEEKDAY_FACTOR.reduce((a, b) => a + b, 0) / 7;
const DAY_SHAPE = [1, 1, 1, 1, 1, 1, 2, 4, 6, 8, 8, 7, 5, 6, 8, 8, 7, 6, 4, 3, 3, 2, 2, 1];
const SHAPE_TOTAL = DAY_SHAPE.reduce((a, b) => a + b, 0);
/** share of cases naming a merchant */
const MERCHANT_SHARE = 0.35;
const MERCHANTS_PER_CATEGORY = 300;
const OUTBREAKS = { surge: 12, merchant: 9, cluster: 9 };
const WITHIN_HOURS = { surge: 24, merchant: 48, cluster: 48 };

type OutbreakKind = keyof typeof OUTBREAKS;
interface Outbreak {
  kind: OutbreakKind;
  category: string;
  counties: string[];
  merchant?: string;
  onsetMs: number;
  size: number;
  /** e.g. "+3/day" for merchants */
  detail: string;
  /** cases by hour (ms) and county */
  cases: Array<{ hourMs: number; county: string }>;
}

const rng = new Rng(SEED);
const lognormal = (mu: number, sigma: number) => Math.exp(mu + sigma * rng.normal());
const pickHourOfDay = () => {
  let u = rng.next() * SHAPE_TOTAL;
  for (let h = 0; h < 24; h += 1) if ((u -= DAY_SHAPE[h]) < 0) return h;
  return 23;
};
const cstMidnight = (ms: number) => Math.floor((ms + CST_OFFSET_MS) / DAY_MS) * DAY_MS - CST_OFFSET_MS;

// the span ends at the last China-time midnight; party_hour keeps 120 days (TTL on the real clock)
const spanToMs = cstMidnight(Date.now());
const spanFromMs = spanToMs - SPAN_DAYS * DAY_MS;
const historyFromMs = spanFromMs - HISTORY_DAYS * DAY_MS;
const totalDays = HISTORY_DAYS + SPAN_DAYS;

// --- the background: counties and categories with heavy-tailed weights -----------------------
const counties = allRegions().filter((r) => r.level === 'county' && PROVINCES.includes(r.code.slice(0, 2)));
const countyWeight = counties.map(() => lognormal(0, 1));
const categoryWeight = CATEGORY_CODES.map(() => lognormal(0, 1));
const countyTotal = countyWeight.reduce((a, b) => a + b, 0);
const categoryTotal = categoryWeight.reduce((a, b) => a + b, 0);
/** mean cases a day of each county x category on an ordinary weekday (jittered per county) */
const cellRate = counties.map((_, c) =>
  CATEGORY_CODES.map(
    (_, g) =>
      (CASES_PER_DAY * (countyWeight[c] / countyTotal) * (categoryWeight[g] / categoryTotal) * lognormal(0, 0.3)) /
      Math.exp(0.045) /
      MEAN_WEEKDAY_FACTOR,
  ),
);
const dayFactor: number[] = [];
const provinceFactor = new Map<string, number[]>(PROVINCES.map((p) => [p, []]));
for (let d = 0; d < totalDays; d += 1) {
  const startMs = historyFromMs + d * DAY_MS;
  const weekday = new Date(startMs + CST_OFFSET_MS).getUTCDay();
  const calendar = isSpecialDay(startMs + 12 * HOUR_MS) ? HOLIDAY_FACTOR : WEEKDAY_FACTOR[weekday];
  dayFactor.push(calendar * gamma(rng, 1 / DAY_CV ** 2, DAY_CV ** 2));
  for (const p of PROVINCES) provinceFactor.get(p)!.push(gamma(rng, 1 / PROVINCE_DAY_CV ** 2, PROVINCE_DAY_CV ** 2));
}

function intakeRow(hourMs: number, regionCode: string, category: string, cases: number) {
  return {
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
  };
}
const partyRow = (hourMs: number, party: string, category: string, regionCode: string, cases: number) => ({
  hour: toDateTime(hourMs),
  party_kind: 'merchant',
  party,
  category,
  region_code: Number(regionCode),
  cases,
});

async function insertBackground(clickhouse: ClickHouse): Promise<number> {
  let total = 0;
  for (let d = 0; d < totalDays; d += 1) {
    const rows: Record<string, unknown>[] = [];
    for (let h = 0; h < 24; h += 1) {
      const hourMs = historyFromMs + d * DAY_MS + h * HOUR_MS;
      counties.forEach((county, c) => {
        const f = (dayFactor[d] * provinceFactor.get(county.code.slice(0, 2))![d] * DAY_SHAPE[h]) / SHAPE_TOTAL;
        CATEGORY_CODES.forEach((category, g) => {
          const n = poisson(rng, cellRate[c][g] * f);
          if (n > 0) rows.push(intakeRow(hourMs, county.code, category, n));
          total += n;
        });
      });
    }
    await clickhouse.insert('intake_hour', rows);
  }
  // merchants: each category's pool with gamma-distributed rates (a few chains, many small shops)
  const parties: Record<string, unknown>[] = [];
  CATEGORY_CODES.forEach((category, g) => {
    const categoryPerDay = (CASES_PER_DAY * MERCHANT_SHARE * categoryWeight[g]) / categoryTotal;
    const rates = Array.from({ length: MERCHANTS_PER_CATEGORY }, () => gamma(rng, 0.3, 1));
    const rateTotal = rates.reduce((a, b) => a + b, 0);
    rates.forEach((rate, m) => {
      const home = counties[rng.int(counties.length)].code;
      for (let d = 0; d < totalDays; d += 1) {
        const n = poisson(rng, (categoryPerDay * rate * dayFactor[d]) / rateTotal);
        for (let i = 0; i < n; i += 1) {
          const hourMs = historyFromMs + d * DAY_MS + pickHourOfDay() * HOUR_MS;
          parties.push(partyRow(hourMs, `${category}-shop-${m}`, category, home, 1));
        }
      }
    });
  });
  await clickhouse.insert('party_hour', parties);
  return total;
}

// --- the outbreaks ----------------------------------------------------------------------------
const dailySd = (c: number, g: number) => {
  const mean = cellRate[c][g];
  return Math.sqrt(mean + (DAY_CV ** 2 + PROVINCE_DAY_CV ** 2) * mean * mean);
};
/** a category drawn by volume: outbreaks happen where complaints are */
const pickCategory = () => {
  let u = rng.next() * categoryTotal;
  for (let g = 0; g < categoryWeight.length; g += 1) if ((u -= categoryWeight[g]) < 0) return g;
  return categoryWeight.length - 1;
};
const onsetMs = () => spanFromMs + rng.int((SPAN_DAYS - 2) * 24) * HOUR_MS + rng.int(60) * 60_000;

function makeOutbreaks(): Outbreak[] {
  const outbreaks: Outbreak[] = [];
  const used = new Set<string>();
  for (let i = 0; i < OUTBREAKS.surge; i += 1) {
    const c = rng.int(counties.length);
    const g = pickCategory();
    if (used.has(`${c}:${g}`)) {
      i -= 1;
      continue;
    }
    used.add(`${c}:${g}`);
    const at = onsetMs();
    const size = Math.max(6, poisson(rng, 5 * dailySd(c, g)));
    const cases = Array.from({ length: size }, (_, j) => ({
      hourMs: j === 0 ? at : at + Math.floor(lognormal(Math.log(8), 0.8)) * HOUR_MS,
      county: counties[c].code,
    }));
    outbreaks.push({
      kind: 'surge',
      category: CATEGORY_CODES[g],
      counties: [counties[c].code],
      onsetMs: at,
      size,
      detail: `${size} cases, cell ${cellRate[c][g].toFixed(1)}/day`,
      cases,
    });
  }
  for (let i = 0; i < OUTBREAKS.merchant; i += 1) {
    const c = rng.int(counties.length);
    const g = pickCategory();
    const at = onsetMs();
    const perDay = 1 + (i % 5);
    const cases: Outbreak['cases'] = [];
    // the first case at onset, then Poisson(perDay) a day at the day's rhythm
    cases.push({ hourMs: at, county: counties[c].code });
    for (let d = 0; at + d * DAY_MS < spanToMs; d += 1) {
      const n = poisson(rng, perDay);
      for (let j = 0; j < n; j += 1) {
        const hourMs = cstMidnight(at) + d * DAY_MS + pickHourOfDay() * HOUR_MS;
        if (hourMs >= at && hourMs < spanToMs) cases.push({ hourMs, county: counties[c].code });
      }
    }
    outbreaks.push({
      kind: 'merchant',
      category: CATEGORY_CODES[g],
      counties: [counties[c].code],
      merchant: `step-merchant-${i}`,
      onsetMs: at,
      size: cases.length,
      detail: `+${perDay}/day`,
      cases,
    });
  }
  for (let i = 0; i < OUTBREAKS.cluster; i += 1) {
    const c = rng.int(counties.length);
    const g = pickCategory();
    const zone = [
      counties[c].code,
      ...nearestCounties(counties[c].code)
        .filter((code) => PROVINCES.includes(code.slice(0, 2)))
        .slice(0, 3 + rng.int(4)),
    ];
    const zoneIndex = zone.map((code) => counties.findIndex((r) => r.code === code));
    const zoneMean = zoneIndex.reduce((a, z) => a + cellRate[z][g], 0);
    const zoneSd = Math.sqrt(zoneMean + (DAY_CV ** 2 + PROVINCE_DAY_CV ** 2) * zoneMean * zoneMean);
    const size = Math.max(8, poisson(rng, 5 * zoneSd));
    const days = 1 + rng.int(3);
    const at = onsetMs();
    const cases = Array.from({ length: size }, (_, j) => ({
      hourMs: j === 0 ? at : at + rng.int(days * 24) * HOUR_MS,
      county: j === 0 ? zone[0] : zone[rng.int(zone.length)],
    }));
    outbreaks.push({
      kind: 'cluster',
      category: CATEGORY_CODES[g],
      counties: zone,
      onsetMs: at,
      size,
      detail: `${size} cases over ${zone.length} counties, ${days} d, zone ${zoneMean.toFixed(1)}/day`,
      cases,
    });
  }
  for (const o of outbreaks) o.cases = o.cases.filter((x) => x.hourMs < spanToMs);
  return outbreaks;
}

async function insertOutbreaks(clickhouse: ClickHouse, outbreaks: Outbreak[]): Promise<void> {
  const intake: Record<string, unknown>[] = [];
  const parties: Record<string, unknown>[] = [];
  for (const o of outbreaks) {
    for (const { hourMs, county } of o.cases) {
      const hour = Math.floor(hourMs / HOUR_MS) * HOUR_MS;
      intake.push(intakeRow(hour, county, o.category, 1));
      if (o.merchant) parties.push(partyRow(hour, o.merchant, o.category, county, 1));
    }
  }
  await clickhouse.insert('intake_hour', intake);
  if (parties.length > 0) await clickhouse.insert('party_hour', parties);
}

// --- matching ---------------------------------------------------------------------------------
const ancestorsOf = (county: string) => [county, `${county.slice(0, 4)}00`, `${county.slice(0, 2)}0000`];
const msOf = (iso: string) => Date.parse(iso);

function matches(alert: BacktestAlert, o: Outbreak): boolean {
  if (alert.merchant && o.merchant) return alert.merchant.name === o.merchant;
  if (alert.category !== o.category) return false;
  const regions = new Set(o.counties.flatMap(ancestorsOf));
  return alert.regionCodes.some((code) => regions.has(code));
}

/** One key's entries within 24 h of each other are one alert (the lifecycle reopens it). */
function distinctAlerts(alerts: BacktestAlert[]): BacktestAlert[] {
  const lastByKey = new Map<string, number>();
  const kept: BacktestAlert[] = [];
  for (const a of [...alerts].sort((x, y) => msOf(x.detectedAt) - msOf(y.detectedAt))) {
    const key = `${a.kind}:${a.regionCode}:${a.category ?? ''}:${a.merchant?.name ?? a.brand ?? a.term ?? ''}`;
    const last = lastByKey.get(key);
    if (last === undefined || msOf(a.detectedAt) - last > DAY_MS) kept.push(a);
    lastByKey.set(key, msOf(a.detectedAt));
  }
  return kept;
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-external-'));
  const clickhouse = createClickHouse({ dataDir });
  await migrate(clickhouse);
  let t = performance.now();
  const cases = await insertBackground(clickhouse);
  const spanCases = dayFactor.slice(HISTORY_DAYS).length;
  console.log(
    `# external-shape check (seed ${SEED}): provinces ${PROVINCES.join(', ')}, ${counties.length} counties, ` +
      `${(cases / totalDays).toFixed(0)} cases a day over ${totalDays} days (${spanCases}-day span ` +
      `${new Date(spanFromMs).toISOString()} .. ${new Date(spanToMs).toISOString()}); written in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  const outbreaks = makeOutbreaks();
  const budgetPerDay = DEFAULT_ALERT_BUDGET_PER_DAY;
  t = performance.now();
  console.error(`backtest of the outbreak-free twin ...`);
  const twin = await runBacktest(clickhouse, { fromMs: spanFromMs, toMs: spanToMs, scope: 'national', budgetPerDay });
  const twinSeconds = (performance.now() - t) / 1000;
  const twinAlerts = distinctAlerts(twin);
  await insertOutbreaks(clickhouse, outbreaks);
  console.error(
    `twin: ${twin.length} entries in ${((performance.now() - t) / 1000).toFixed(0)} s; backtest with the outbreaks ...`,
  );
  t = performance.now();
  const run = await runBacktest(clickhouse, { fromMs: spanFromMs, toMs: spanToMs, scope: 'national', budgetPerDay });
  const runSeconds = (performance.now() - t) / 1000;

  console.log(`\n| outbreak | category | detail | detected within window | hours to first matching alert | by |`);
  console.log('| --- | --- | --- | --- | --- | --- |');
  const byKind = new Map<OutbreakKind, { n: number; hit: number; hours: number[] }>();
  const explained = new Set<BacktestAlert>();
  for (const o of outbreaks) {
    const hits = run.filter((a) => matches(a, o) && msOf(a.detectedAt) >= o.onsetMs);
    hits.forEach((a) => explained.add(a));
    const first = hits.sort((a, b) => msOf(a.detectedAt) - msOf(b.detectedAt))[0];
    const hours = first ? (msOf(first.detectedAt) - o.onsetMs) / HOUR_MS : undefined;
    const inTime = hours !== undefined && hours <= WITHIN_HOURS[o.kind];
    const agg = byKind.get(o.kind) ?? { n: 0, hit: 0, hours: [] };
    agg.n += 1;
    if (inTime) {
      agg.hit += 1;
      agg.hours.push(hours);
    }
    byKind.set(o.kind, agg);
    console.log(
      `| ${o.kind} ${o.counties[0]}${o.merchant ? ` ${o.merchant}` : ''} | ${o.category} | ${o.detail} | ${inTime ? 'yes' : 'no'} | ${hours === undefined ? '-' : hours.toFixed(1)} | ${first ? first.kind : '-'} |`,
    );
  }
  const hit = [...byKind.values()].reduce((a, b) => a + b.hit, 0);
  console.log('\n| kind | outbreaks | detected in time | share | median hours |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const [kind, { n, hit: h, hours }] of byKind) {
    const sorted = [...hours].sort((a, b) => a - b);
    const med = sorted.length ? sorted[Math.floor(sorted.length / 2)].toFixed(1) : '-';
    console.log(
      `| ${kind} (within ${WITHIN_HOURS[kind]} h) | ${n} | ${h} | ${((100 * h) / n).toFixed(0)} % | ${med} |`,
    );
  }
  console.log(`| all | ${outbreaks.length} | ${hit} | ${((100 * hit) / outbreaks.length).toFixed(0)} % | |`);
  const unexplained = distinctAlerts(run.filter((a) => !explained.has(a)));
  console.log(
    `\nfalse alerts on the outbreak-free twin: ${twinAlerts.length} in ${SPAN_DAYS} days = ${(twinAlerts.length / SPAN_DAYS).toFixed(2)} a day ` +
      `(${twin.length} backtest entries; a key's entries within 24 h counted once)`,
  );
  for (const a of twinAlerts)
    console.log(
      `  twin: ${a.kind} ${a.regionCode} ${a.category ?? a.merchant?.name ?? ''} at ${a.detectedAt} obs ${a.observed} exp ${a.expected} score ${a.score}`,
    );
  console.log(
    `alerts with the outbreaks that match none: ${unexplained.length} (${(unexplained.length / SPAN_DAYS).toFixed(2)} a day)`,
  );
  console.log(
    `backtest of ${SPAN_DAYS} days, two provinces (timing: depends on the machine's load): twin ${twinSeconds.toFixed(1)} s, with outbreaks ${runSeconds.toFixed(1)} s`,
  );
  await clickhouse.close?.();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

await main();
