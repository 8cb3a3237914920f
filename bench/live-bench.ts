// `npm run bench` live section: ingest-to-screen latency, fan-out and history, each against a
// Command Wall server in a child process. Returns [title, rows] tables for bench/run.ts to print.
// BENCH_HISTORY_SIZES (default 1M,10M,100M cases) sets the history sizes; see docs/benchmarks.md.
import path from 'node:path';
import { io, type Socket } from 'socket.io-client';
import { WALL_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '@shared/wall-events';
import { benchCases } from './bench-cases';
import { startChild } from './live-child';
import { quantile } from './live-history';

type Wall = Socket<ServerToClientEvents, ClientToServerEvents>;
type Row = Record<string, string | number>;
interface ServerInfo {
  port: number;
  wallToken: string;
  ingestToken: string;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function openWall(info: ServerInfo): Wall {
  return io(`http://127.0.0.1:${info.port}${WALL_NAMESPACE}`, {
    auth: { token: info.wallToken },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
}

async function subscribe(wall: Wall, scope: string): Promise<number> {
  const snapshot = new Promise<number>((resolve) => wall.once('wall:snapshot', (s) => resolve(s.seq)));
  const ack = await wall.emitWithAck('scope:subscribe', { scope });
  if (!ack.ok) throw new Error(ack.error);
  return snapshot;
}

async function ingest(info: ServerInfo, body: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${info.port}/api/v1/cases`, {
    method: 'POST',
    headers: { authorization: `Bearer ${info.ingestToken}`, 'content-type': 'application/json' },
    body,
  });
  if (response.status !== 200) throw new Error(`ingest replied ${response.status}`);
  return ((await response.json()) as { accepted: number }).accepted;
}

/** From each ingest reply to the first payload whose national today.total counts that request's cases. */
async function latency(dataDir: string, tickMs: number): Promise<Row[]> {
  const server = startChild('live-server.ts', [], { DATA_DIR: dataDir, TICK_MS: String(tickMs) });
  const info = await server.next<ServerInfo>();
  const wall = openWall(info);
  let shownTotal = 0;
  const pending: Array<{ total: number; repliedAt: number }> = [];
  let samples: number[] = [];
  const onTotal = (total: number | undefined) => {
    if (total === undefined) return;
    shownTotal = total;
    const at = performance.now();
    while (pending.length > 0 && pending[0].total <= total) samples.push(at - pending.shift()!.repliedAt);
  };
  wall.on('wall:update', (u) => onTotal(u.panels.kpis?.today.total));
  wall.on('wall:snapshot', (s) => onTotal(s.panels.kpis.today.total));
  await subscribe(wall, 'national');
  const rows: Row[] = [];
  let sent = shownTotal;
  for (const rate of [1, 100, 1000]) {
    const intervalMs = rate === 1 ? 1000 : 50;
    const perRequest = (rate * intervalMs) / 1000;
    const durationMs = rate === 1 ? 25_000 : 12_000;
    samples = [];
    const started = performance.now();
    let requests = 0;
    // requests one after the other, on a fixed schedule: the totals then say which request a payload counts
    while (performance.now() - started < durationMs) {
      const slot = started + requests * intervalMs;
      if (performance.now() < slot) await sleep(slot - performance.now());
      const cases = benchCases(perRequest, `L${tickMs}-${rate}-${requests}`);
      sent += await ingest(info, JSON.stringify(cases));
      // a payload that already counts it arrived before the reply: 0 ms on that screen
      if (shownTotal >= sent) samples.push(0);
      else pending.push({ total: sent, repliedAt: performance.now() });
      requests += 1;
    }
    const achieved = (requests * perRequest * 1000) / (performance.now() - started);
    while (pending.length > 0) await sleep(50);
    rows.push({
      TICK_MS: tickMs,
      'cases/s': rate,
      achieved: Math.round(achieved),
      requests: samples.length,
      'p50 ms': Math.round(quantile(samples, 0.5)),
      'p95 ms': Math.round(quantile(samples, 0.95)),
      'max ms': Math.round(Math.max(...samples)),
      'target p95 ms': tickMs === 1000 ? 1500 : 500,
    });
  }
  wall.close();
  await server.stop();
  return rows;
}

export const FANOUT_SCOPES = [
  'national',
  '110000',
  '310000',
  '420000',
  '440000',
  '420100',
  '440300',
  '510100',
  '420102',
  '440305',
];
const FANOUT_TICKS = 10; // two full cycles of the slow panels at TICK_MS=1000

async function metricsText(info: ServerInfo): Promise<string> {
  return (await fetch(`http://127.0.0.1:${info.port}/metrics`)).text();
}

function wallQueries(text: string): number {
  return text
    .split('\n')
    .filter((l) => l.startsWith('commandwall_clickhouse_queries_total{query="wall-'))
    .reduce((n, l) => n + Number(l.split(' ')[1]), 0);
}

function lagP99Ms(text: string): number {
  const line = text.split('\n').find((l) => l.startsWith('commandwall_event_loop_lag_seconds{quantile="0.99"}'));
  return line ? Number(line.split(' ')[1]) * 1000 : Number.NaN;
}

/** Queries per tick and the server's event-loop lag with 1, 100 and 1,000 walls over 10 scopes. */
async function fanout(dataDir: string): Promise<Row[]> {
  const tickMs = 1000;
  const server = startChild('live-server.ts', [], { DATA_DIR: dataDir, TICK_MS: String(tickMs) });
  const info = await server.next<ServerInfo>();
  // a steady trickle of cases, so that every tick has something to send
  let stopLoad = false;
  const load = (async () => {
    for (let i = 0; !stopLoad; i += 1) {
      await ingest(info, JSON.stringify(benchCases(10, `F-${i}`)));
      await sleep(1000);
    }
  })();
  const rows: Row[] = [];
  for (const sockets of [1, 100, 1000]) {
    const walls: Wall[] = [];
    for (let i = 0; i < sockets; i += 50) {
      const batch = Array.from({ length: Math.min(50, sockets - i) }, (_, j) => {
        const wall = openWall(info);
        walls.push(wall);
        return subscribe(wall, FANOUT_SCOPES[(i + j) % FANOUT_SCOPES.length]);
      });
      await Promise.all(batch);
    }
    let seq = 0;
    let bytes = 0;
    walls[0].on('wall:update', (u) => (seq = u.seq));
    walls.forEach((w) => w.on('wall:update', (u) => (bytes += w === walls[0] ? JSON.stringify(u).length : 0)));
    const ticks = async (n: number) => {
      const until = seq + n;
      while (seq < until) await sleep(20);
    };
    await ticks(3);
    await sleep(tickMs / 2); // mid-tick: the last tick's queries are done, the next ones not started
    const before = wallQueries(await metricsText(info)); // this scrape also restarts the lag window
    bytes = 0;
    await ticks(FANOUT_TICKS);
    await sleep(tickMs / 2);
    const text = await metricsText(info);
    const perTick = (wallQueries(text) - before) / FANOUT_TICKS;
    const scopes = Math.min(sockets, FANOUT_SCOPES.length);
    rows.push({
      sockets,
      'active scopes': scopes,
      'queries/tick': perTick,
      'queries/tick/scope': perTick / scopes,
      'event-loop lag p99 ms': Math.round(lagP99Ms(text) * 10) / 10,
      'update bytes/tick (one wall)': Math.round(bytes / FANOUT_TICKS),
    });
    walls.forEach((w) => w.close());
    await sleep(2 * tickMs); // the rooms pause before the next round
  }
  stopLoad = true;
  await load;
  await server.stop();
  const [one, hundred, thousand] = rows;
  for (const row of rows) {
    row['ratio to 100 sockets'] = Number(row['queries/tick']) / Number(hundred['queries/tick']);
    row['per-scope ratio to 1 socket'] = Number(row['queries/tick/scope']) / Number(one['queries/tick/scope']);
  }
  void thousand;
  return rows;
}

interface HistoryLine {
  cases: number;
  generateSeconds: number;
  activeParts: number;
  ticks: Array<{ scope: string; level: string; firstTickMs: number; tickMs: number; tickP95Ms: number }>;
}

/** Tick duration per scope level as the stored history grows. */
async function history(dataDir: string, sizes: number[]): Promise<Row[]> {
  const child = startChild('live-history.ts', [dataDir, sizes.join(',')]);
  const lines: HistoryLine[] = [];
  for (let i = 0; i < sizes.length; i += 1) lines.push(await child.next<HistoryLine>());
  await child.stop();
  const rows: Row[] = [];
  for (const line of lines) {
    for (const t of line.ticks) {
      const base = lines[0].ticks.find((b) => b.scope === t.scope)!;
      rows.push({
        'cases stored': line.cases,
        'generated in s': Math.round(line.generateSeconds),
        scope: `${t.scope} (${t.level})`,
        'tick median ms': Math.round(t.tickMs * 10) / 10,
        'tick p95 ms': Math.round(t.tickP95Ms * 10) / 10,
        'first tick ms': Math.round(t.firstTickMs * 10) / 10,
        'median ratio to smallest': Math.round((t.tickMs / base.tickMs) * 100) / 100,
      });
    }
  }
  return rows;
}

export async function liveBench(scratch: string): Promise<Array<[string, Row[]]>> {
  const sizes = (process.env.BENCH_HISTORY_SIZES ?? '1000000,10000000,100000000').split(',').map(Number);
  const tables: Array<[string, Row[]]> = [];
  tables.push([
    'Live: ingest reply to the first wall payload counting the case (national scope)',
    [
      ...(await latency(path.join(scratch, 'latency-1000'), 1000)),
      ...(await latency(path.join(scratch, 'latency-250'), 250)),
    ],
  ]);
  tables.push(['Live: fan-out over 10 scopes, TICK_MS=1000', await fanout(path.join(scratch, 'fanout'))]);
  tables.push([
    'Live: tick duration as history grows (recent 24 h identical in every size)',
    await history(path.join(scratch, 'history'), sizes),
  ]);
  return tables;
}
