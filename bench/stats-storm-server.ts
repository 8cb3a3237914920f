// Child process of the stats-storm benchmark: fills a fresh store with a year and more of history
// (generated in ClickHouse through case_versions, so the materialized views fill every rollup) and
// a busy recent day, then serves it as `npm start` would. Prints {"port","wallToken","ingestToken"}.
// Usage: node --import tsx bench/stats-storm-server.ts <dataDir> <historyCases>
import { STATUS_CODES } from '@shared/codes';
import { DAY_MS } from '@shared/time';
import { createClickHouse } from '../server/clickhouse/client';
import { migrate } from '../server/clickhouse/migrate';
import { loadConfig } from '../server/config';
import { createServer } from '../server/create-server';
import { RECENT_CASES, dropExpired, insertCases, waitForMerges } from './live-history';

const [dataDir, historyArg] = process.argv.slice(2);
const historyCases = Number(historyArg);
const SLICES = 14; // about a month of history per insert
const HISTORY_DAYS = 400;

const clickhouse = createClickHouse({ dataDir });
await migrate(clickhouse);
const nowMs = Date.now();
await insertCases(clickhouse, 'RECENT-', 0, RECENT_CASES, nowMs - DAY_MS, DAY_MS - 60_000, STATUS_CODES);
const historyStart = nowMs - HISTORY_DAYS * DAY_MS;
const sliceMs = ((HISTORY_DAYS - 1) * DAY_MS) / SLICES;
for (let i = 0; i < SLICES; i += 1) {
  const from = Math.floor((historyCases * i) / SLICES);
  const to = Math.floor((historyCases * (i + 1)) / SLICES);
  await insertCases(clickhouse, 'H-', from, to - from, historyStart + i * sliceMs, sliceMs, ['closed', 'resolved']);
}
await dropExpired(clickhouse);
await waitForMerges(clickhouse, 60_000);

const server = createServer({
  config: { ...loadConfig(), dataDir, port: 0, logLevel: process.env.LOG_LEVEL || 'silent' },
  clickhouse,
});
const { port, ready } = await server.start();
await ready;
process.stdout.write(
  `${JSON.stringify({ port, wallToken: server.tokens.firstOf('wall')!.token, ingestToken: server.tokens.firstOf('ingest')!.token })}\n`,
);
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
