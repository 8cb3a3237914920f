// Ingest through the HTTP API in batches of 1,000, from request to queryable, against a bare
// @clickhouse/client insert of the same rows into the same schema, measured in the same run.
import { caseInputSchema } from '@shared/case-schema';
import { createClickHouse } from '../server/clickhouse/client';
import { migrate } from '../server/clickhouse/migrate';
import { loadConfig } from '../server/config';
import { createServer } from '../server/create-server';
import { toCaseVersion, toStoredRow } from '../server/ingest/case-row';
import { benchCases } from './bench-cases';

const BATCH = 1000;
const TABLES = ['case_versions', 'case_heads', 'intake_minute', 'intake_hour', 'open_cases', 'activity_hour', 'merchant_day', 'brand_day', 'case_feed'];

export interface IngestBenchRow {
  path: string;
  cases: number;
  seconds: number;
  casesPerSecond: number;
}

async function countCases(ch: ReturnType<typeof createClickHouse>, prefix: string): Promise<number> {
  const rows = await ch.query<{ n: string }>('bench:count', 'SELECT count() AS n FROM case_heads FINAL WHERE startsWith(id, {p:String})', { p: prefix });
  return Number(rows[0].n);
}

export async function ingestBench(dataDir: string, total = 200_000, concurrency = 4): Promise<IngestBenchRow[]> {
  const clickhouse = createClickHouse({ dataDir });
  await migrate(clickhouse);
  const rows: IngestBenchRow[] = [];

  // 1. bare client: the stored rows, validated and prepared beforehand, inserted in batches of 1,000
  const bareCases = benchCases(total, 'BARE');
  const stored = bareCases.map((c) => toStoredRow(toCaseVersion(caseInputSchema.parse(c)), true, undefined));
  let start = performance.now();
  for (let i = 0; i < stored.length; i += BATCH * concurrency) {
    const group = [];
    for (let j = i; j < Math.min(i + BATCH * concurrency, stored.length); j += BATCH) group.push(clickhouse.insert('case_versions', stored.slice(j, j + BATCH)));
    await Promise.all(group);
  }
  while ((await countCases(clickhouse, 'BARE')) < total) await new Promise((r) => setTimeout(r, 20));
  let seconds = (performance.now() - start) / 1000;
  rows.push({ path: 'bare @clickhouse/client insert (same rows, same schema)', cases: total, seconds, casesPerSecond: total / seconds });
  for (const table of TABLES) await clickhouse.command('bench:truncate', `TRUNCATE TABLE ${table}`);

  // 2. the HTTP ingest API: validation, scrubbing, dedup lookup, batching, insert
  const server = createServer({ config: { ...loadConfig({}), dataDir, port: 0, logLevel: 'silent', simulator: false }, clickhouse });
  const { port, ready } = await server.start();
  await ready;
  const token = server.tokens.firstOf('ingest')!.token;
  const bodies: string[] = [];
  const httpCases = benchCases(total, 'HTTP');
  for (let i = 0; i < total; i += BATCH) bodies.push(JSON.stringify(httpCases.slice(i, i + BATCH)));
  start = performance.now();
  let next = 0;
  async function worker() {
    while (next < bodies.length) {
      const body = bodies[next++];
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body,
      });
      if (response.status !== 200) throw new Error(`ingest replied ${response.status}: ${await response.text()}`);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  while ((await countCases(clickhouse, 'HTTP')) < total) await new Promise((r) => setTimeout(r, 20));
  seconds = (performance.now() - start) / 1000;
  rows.push({ path: `HTTP POST /api/v1/cases, batches of ${BATCH}, ${concurrency} concurrent`, cases: total, seconds, casesPerSecond: total / seconds });
  await server.stop();
  for (const table of TABLES) await clickhouse.command('bench:truncate', `TRUNCATE TABLE ${table}`);
  await clickhouse.close();
  return rows;
}
