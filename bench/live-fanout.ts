// Fan-out: ClickHouse queries per tick and the server's event-loop lag as walls are added.
import { benchCases } from './bench-cases';
import { startChild } from './live-child';
import { ingest, openWall, sleep, subscribe, type Row, type ServerInfo, type Wall } from './live-wall';

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
export async function fanout(dataDir: string): Promise<Row[]> {
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
    let snapshotBytes = 0;
    for (let i = 0; i < sockets; i += 50) {
      const batch = Array.from({ length: Math.min(50, sockets - i) }, (_, j) => {
        const wall = openWall(info);
        walls.push(wall);
        const subscribed = subscribe(wall, FANOUT_SCOPES[(i + j) % FANOUT_SCOPES.length]);
        if (i + j === 0) void subscribed.then((s) => (snapshotBytes = JSON.stringify(s).length));
        return subscribed;
      });
      await Promise.all(batch);
    }
    // the first wall (national) is the reference: its seq counts the ticks, its payloads their size
    let seq = 0;
    let bytes = 0;
    walls[0].on('wall:update', (u) => {
      seq = u.seq;
      bytes += JSON.stringify(u).length;
    });
    const ticks = async (n: number) => {
      while (seq === 0) await sleep(20);
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
      'national snapshot bytes': snapshotBytes,
      'national update bytes/tick': Math.round(bytes / FANOUT_TICKS),
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
