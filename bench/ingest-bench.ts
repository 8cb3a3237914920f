// Ingest through the HTTP API in batches of 1,000, from request to queryable, against a bare
// @clickhouse/client insert of the same rows into the same schema, measured in the same run: rounds
// alternate the two paths, each measurement on a fresh store, and the table gives each path's median.
import { Agent, request } from 'node:http';
import path from 'node:path';
import { drainPending } from 'chdb';
import { caseInputSchema } from '@shared/case-schema';
import { createClickHouse, type ClickHouse } from '../server/clickhouse/client';
import { migrate } from '../server/clickhouse/migrate';
import { loadConfig } from '../server/config';
import { createServer } from '../server/create-server';
import { toCaseVersion, toStoredRow } from '../server/ingest/case-row';
import { benchCases } from './bench-cases';

const BATCH = 1000;
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
  const rows = await ch.query<{ n: number }>(
    'bench:count',
    'SELECT count() AS n FROM case_heads FINAL WHERE startsWith(id, {p:String})',
    { p: prefix },
  );
  return rows[0].n;
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

/**
 * One POST on a kept-alive connection, its body already bytes: the senders share the server's two
 * cores, so they do no more than a sender must (no fetch, which copies each body into a new string).
 */
function post(agent: Agent, port: number, token: string, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        port,
        host: '127.0.0.1',
        method: 'POST',
        path: '/api/v1/cases',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': body.length,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          if (response.statusCode === 200) resolve();
          else reject(new Error(`ingest replied ${response.statusCode}: ${Buffer.concat(chunks).toString()}`));
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A fresh store of its own for one measurement: a round must not pay for the parts and merges of the one before. */
async function withFreshStore<T>(dataDir: string, run: (clickhouse: ClickHouse) => Promise<T>): Promise<T> {
  const clickhouse = createClickHouse({ dataDir });
  await migrate(clickhouse);
  try {
    return await run(clickhouse);
  } finally {
    await clickhouse.close();
    // libchdb opens one data directory at a time per process: let it let go of this one
    await drainPending();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function ingestBench(
  dataDir: string,
  total = 200_000,
  concurrency = 4,
  rounds = 3,
): Promise<IngestBenchRow[]> {
  const bare: number[] = [];
  const http: number[] = [];
  for (let round = 1; round <= rounds; round += 1) {
    // 1. the HTTP ingest API: validation, scrubbing, dedup lookup, batching, insert
    const httpDir = path.join(dataDir, `http-${round}`);
    const httpCases = benchCases(total, 'HTTP');
    const bodies: Buffer[] = [];
    for (let i = 0; i < total; i += BATCH) bodies.push(Buffer.from(JSON.stringify(httpCases.slice(i, i + BATCH))));
    http.push(
      await withFreshStore(httpDir, async (clickhouse) => {
        const config = { ...loadConfig({}), dataDir: httpDir, port: 0, logLevel: 'silent' as const };
        const server = createServer({ config, clickhouse });
        const { port, ready } = await server.start();
        await ready;
        const token = server.tokens.firstOf('ingest')!.token;
        const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
        let next = 0;
        const sender = async () => {
          while (next < bodies.length) await post(agent, port, token, bodies[next++]);
        };
        const seconds = await untilQueryable(clickhouse, 'HTTP', total, () =>
          Promise.all(Array.from({ length: concurrency }, sender)),
        );
        agent.destroy();
        await server.stop();
        return seconds;
      }),
    );

    // 2. bare client: the stored rows, validated and prepared beforehand, inserted in batches of 1,000
    const stored = benchCases(total, 'BARE').map((c) =>
      toStoredRow(toCaseVersion(caseInputSchema.parse(c)), true, undefined),
    );
    bare.push(
      await withFreshStore(path.join(dataDir, `bare-${round}`), (clickhouse) =>
        untilQueryable(clickhouse, 'BARE', total, async () => {
          for (let i = 0; i < stored.length; i += BATCH * concurrency) {
            const group = [];
            for (let j = i; j < Math.min(i + BATCH * concurrency, stored.length); j += BATCH)
              group.push(clickhouse.insert('case_versions', stored.slice(j, j + BATCH)));
            await Promise.all(group);
          }
        }),
      ),
    );
    console.log(`ingest round ${round}: HTTP ${http[round - 1].toFixed(2)} s, bare ${bare[round - 1].toFixed(2)} s`);
  }

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
