// Ingest through the HTTP API in batches of 1,000, from request to queryable, against a bare
// @clickhouse/client insert of the same rows into the same schema, measured in the same run: rounds
// alternate the two paths (the store emptied between them) and the table gives each path's median.
import { caseInputSchema } from '@shared/case-schema';
import { createClickHouse, type ClickHouse } from '../server/clickhouse/client';
import { migrate } from '../server/clickhouse/migrate';
import { loadConfig } from '../server/config';
import { createServer } from '../server/create-server';
import { toCaseVersion, toStoredRow } from '../server/ingest/case-row';
import { benchCases } from './bench-cases';

const BATCH = 1000;
const TABLES = [
  'case_versions',
  'case_heads',
  'intake_minute',
  'intake_hour',
  'open_cases',
  'activity_hour',
  'merchant_day',
  'brand_day',
  'case_feed',
];

export interface IngestBenchRow {
  path: string;
  cases: number;
  rounds: number;
  medianSeconds: number;
  casesPerSecond: number;
  minCasesPerSecond: number;
  maxCasesPerSecond: number;
}

async function countCases(ch: ClickHouse, prefix: string): Promise<number> {
  const rows = await ch.query<{ n: string }>(
    'bench:count',
    'SELECT count() AS n FROM case_heads FINAL WHERE startsWith(id, {p:String})',
    { p: prefix },
  );
  return Number(rows[0].n);
}

/** Seconds from the first request until every case with the prefix can be queried. */
async function untilQueryable(
  ch: ClickHouse,
  prefix: string,
  total: number,
  send: () => Promise<unknown>,
): Promise<number> {
  const start = performance.now();
  await send();
  while ((await countCases(ch, prefix)) < total) await new Promise((r) => setTimeout(r, 20));
  return (performance.now() - start) / 1000;
}

async function emptyStore(ch: ClickHouse): Promise<void> {
  for (const table of TABLES) await ch.command('bench:truncate', `TRUNCATE TABLE ${table}`);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function ingestBench(
  dataDir: string,
  total = 200_000,
  concurrency = 4,
  rounds = 3,
): Promise<IngestBenchRow[]> {
  const clickhouse = createClickHouse({ dataDir });
  await migrate(clickhouse);
  const server = createServer({
    config: { ...loadConfig({}), dataDir, port: 0, logLevel: 'silent', simulator: false },
    clickhouse,
  });
  const { port, ready } = await server.start();
  await ready;
  const token = server.tokens.firstOf('ingest')!.token;
  const bare: number[] = [];
  const http: number[] = [];

  for (let round = 1; round <= rounds; round += 1) {
    // 1. bare client: the stored rows, validated and prepared beforehand, inserted in batches of 1,000
    const barePrefix = `BARE${round}`;
    const stored = benchCases(total, barePrefix).map((c) =>
      toStoredRow(toCaseVersion(caseInputSchema.parse(c)), true, undefined),
    );
    bare.push(
      await untilQueryable(clickhouse, barePrefix, total, async () => {
        for (let i = 0; i < stored.length; i += BATCH * concurrency) {
          const group = [];
          for (let j = i; j < Math.min(i + BATCH * concurrency, stored.length); j += BATCH)
            group.push(clickhouse.insert('case_versions', stored.slice(j, j + BATCH)));
          await Promise.all(group);
        }
      }),
    );
    await emptyStore(clickhouse);

    // 2. the HTTP ingest API: validation, scrubbing, dedup lookup, batching, insert
    const httpPrefix = `HTTP${round}`;
    const httpCases = benchCases(total, httpPrefix);
    const bodies: string[] = [];
    for (let i = 0; i < total; i += BATCH) bodies.push(JSON.stringify(httpCases.slice(i, i + BATCH)));
    let next = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const response = await fetch(`http://127.0.0.1:${port}/api/v1/cases`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body,
        });
        if (response.status !== 200) throw new Error(`ingest replied ${response.status}: ${await response.text()}`);
      }
    };
    http.push(
      await untilQueryable(clickhouse, httpPrefix, total, () =>
        Promise.all(Array.from({ length: concurrency }, worker)),
      ),
    );
    await emptyStore(clickhouse);
    console.log(`ingest round ${round}: bare ${bare[round - 1].toFixed(2)} s, HTTP ${http[round - 1].toFixed(2)} s`);
  }
  await server.stop();
  await clickhouse.close();

  const row = (path: string, seconds: number[]): IngestBenchRow => ({
    path,
    cases: total,
    rounds,
    medianSeconds: median(seconds),
    casesPerSecond: total / median(seconds),
    minCasesPerSecond: total / Math.max(...seconds),
    maxCasesPerSecond: total / Math.min(...seconds),
  });
  return [
    row('bare @clickhouse/client insert (same rows, same schema)', bare),
    row(`HTTP POST /api/v1/cases, batches of ${BATCH}, ${concurrency} concurrent`, http),
  ];
}
