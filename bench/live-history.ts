// Child process of the live benchmark (libchdb binds one data directory per process): fills a fresh
// store with N cases of history, generated in ClickHouse and inserted through case_versions so the
// materialized views fill the rollups, and times the tick of one scope per level at each size.
// Usage: node --import tsx bench/live-history.ts <dataDir> <size,size,...>; prints one JSON line per size.
import fs from 'node:fs';
import path from 'node:path';
import { CATEGORY_CODES, CHANNEL_CODES, KIND_CODES, LINE_CODES, STATUS_CODES } from '@shared/codes';
import { allRegions } from '@shared/regions';
import { DAY_MS } from '@shared/time';
import { createClickHouse, type ClickHouse } from '../server/clickhouse/client';
import { migrate } from '../server/clickhouse/migrate';
import { createLogger } from '../server/ops/logger';
import { ScopeRoom } from '../server/live/scope-room';

const historySql = fs.readFileSync(path.join(import.meta.dirname, 'sql', 'history-cases.sql'), 'utf8');
const YEAR_MS = 365 * DAY_MS;
/** the same recent day in every size: the live windows read it, the history must not matter */
export const RECENT_CASES = 50_000;
/** old cases stop short of every live window (24 h, the week-ago baseline, 30 days of closures) */
const HISTORY_END_AGO_MS = 40 * DAY_MS;
const SLICES = 60; // one insert per month of history: each insert touches few partitions
export const HISTORY_SCOPES = ['national', '420000', '420100', '420102'];
const TICKS = 25;

const counties = allRegions()
  .filter((r) => r.level === 'county')
  .map((r) => Number(r.code));

export async function insertCases(
  ch: ClickHouse,
  prefix: string,
  from: number,
  count: number,
  startMs: number,
  spanMs: number,
  statuses: readonly string[],
) {
  await ch.command('bench:history', historySql, {
    prefix,
    from,
    count,
    startMs,
    spanMs,
    statuses,
    lines: LINE_CODES,
    kinds: KIND_CODES,
    channels: CHANNEL_CODES,
    categories: CATEGORY_CODES,
    counties,
  });
}

/**
 * In service the rollups never hold more than their TTL (35 days by the minute, 400 days by merchant
 * and brand): rows arrive live and expire as they age. History inserted in bulk arrives already
 * expired; dropping its partitions gives the steady state at once (MATERIALIZE TTL took minutes).
 */
export async function dropExpired(ch: ClickHouse): Promise<void> {
  const expired = await ch.query<{ table: string; partition: string }>(
    'bench:expired',
    `SELECT DISTINCT table, partition FROM system.parts
     WHERE active AND database = currentDatabase()
       AND ((table = 'intake_minute' AND max_time < now() - INTERVAL 36 DAY)
         OR (table IN ('merchant_day', 'brand_day') AND max_date < today() - 401))`,
  );
  for (const { table, partition } of expired)
    await ch.command('bench:drop', `ALTER TABLE ${table} DROP PARTITION '${partition}'`);
}

export async function waitForMerges(ch: ClickHouse, limitMs: number): Promise<void> {
  const until = Date.now() + limitMs;
  while (Date.now() < until) {
    const [row] = await ch.query<{ n: number }>('bench:merges', 'SELECT count() AS n FROM system.merges');
    if (row.n === 0) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function timeTicks(ch: ClickHouse, scope: string) {
  const logger = createLogger('silent');
  const deps = {
    clickhouse: ch,
    clock: { now: () => Date.now() },
    logger,
    tickMs: 1000,
    budgetMs: 60_000,
    broadcast: () => undefined,
    // ticks without write domains: their parts are read from memory, not from ClickHouse
    memoryParts: () => ({ incidents: [], alerts: [] }),
  };
  const first: number[] = [];
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    await new ScopeRoom(scope, deps).tick(); // a new room's first tick runs all six query groups
    first.push(performance.now() - start);
  }
  const room = new ScopeRoom(scope, deps);
  await room.tick();
  const steady: number[] = [];
  for (let i = 0; i < TICKS; i += 1) {
    const start = performance.now();
    await room.tick();
    steady.push(performance.now() - start);
  }
  return {
    scope,
    level: room.params.level,
    firstTickMs: median(first),
    tickMs: median(steady),
    tickP95Ms: quantile(steady, 0.95),
  };
}

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

async function main(): Promise<void> {
  const [dataDir, sizesArg] = process.argv.slice(2);
  const sizes = sizesArg.split(',').map(Number);
  const ch = createClickHouse({ dataDir });
  await migrate(ch);
  const nowMs = Date.now();
  await insertCases(ch, 'RECENT-', 0, RECENT_CASES, nowMs - DAY_MS, DAY_MS - 60_000, STATUS_CODES);
  let stored = 0;
  for (const size of sizes) {
    const started = performance.now();
    const add = size - stored;
    const historyStart = nowMs - HISTORY_END_AGO_MS - 5 * YEAR_MS;
    const sliceMs = (5 * YEAR_MS) / SLICES;
    for (let i = 0; i < SLICES; i += 1) {
      const from = stored + Math.floor((add * i) / SLICES);
      const to = stored + Math.floor((add * (i + 1)) / SLICES);
      // mostly closed, as old cases are; rejected and resolved too
      await insertCases(ch, 'H-', from, to - from, historyStart + i * sliceMs, sliceMs, [
        'closed',
        'closed',
        'resolved',
        'rejected',
      ]);
    }
    stored = size;
    await dropExpired(ch);
    const generateSeconds = (performance.now() - started) / 1000;
    await waitForMerges(ch, 60_000);
    const ticks = [];
    for (const scope of HISTORY_SCOPES) ticks.push(await timeTicks(ch, scope));
    const [parts] = await ch.query<{ n: number }>(
      'bench:parts',
      'SELECT count() AS n FROM system.parts WHERE active AND database = currentDatabase()',
    );
    process.stdout.write(
      `${JSON.stringify({ cases: size + RECENT_CASES, generateSeconds, activeParts: parts.n, ticks })}\n`,
    );
  }
  await ch.close();
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1])) await main();
