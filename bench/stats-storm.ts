// `npm run bench -- stats-storm`: a national wall's ticks, quiet and then under a storm of twenty
// concurrent year-long /api/v1/stats reads (each client sends its next read when the last answers),
// against a server holding BENCH_STORM_CASES cases of history (default 2,000,000 over 400 days).
// The tick is measured as the wall sees it: sentAt - asOf of each payload, the time from the tick's
// start to its payload leaving (a late query group shows as an older asOf).
import fs from 'node:fs';
import { DAY_MS } from '@shared/time';
import { benchCases } from './bench-cases';
import { startChild } from './live-child';
import { quantile } from './live-history';
import { ingest, openWall, sleep, subscribe, type Row, type ServerInfo } from './live-wall';

const PHASE_MS = Number(process.env.BENCH_STORM_SECONDS ?? 60) * 1000;
const READERS = 20;

interface Phase {
  ticksMs: number[];
  degraded: number;
  reads: { status: number; ms: number }[];
}

async function yearOfStats(info: ServerInfo): Promise<number> {
  const to = Date.now();
  const query = `scope=national&from=${new Date(to - 365 * DAY_MS).toISOString()}&to=${new Date(to).toISOString()}`;
  const response = await fetch(`http://127.0.0.1:${info.port}/api/v1/stats?${query}`, {
    headers: { authorization: `Bearer ${info.wallToken}` },
  });
  await response.arrayBuffer();
  return response.status;
}

function row(name: string, phase: Phase, quietP95Ms: number): Row {
  const readMs = phase.reads.filter((r) => r.status === 200).map((r) => r.ms);
  const p95 = quantile(phase.ticksMs, 0.95);
  return {
    phase: name,
    payloads: phase.ticksMs.length,
    'tick p50 ms': Math.round(quantile(phase.ticksMs, 0.5)),
    'tick p95 ms': Math.round(p95),
    'p95 ratio to quiet': Math.round((p95 / quietP95Ms) * 100) / 100,
    degraded: phase.degraded,
    'reads answered': readMs.length,
    'reads refused (503)': phase.reads.filter((r) => r.status === 503).length,
    'other replies': phase.reads.filter((r) => r.status !== 200 && r.status !== 503).length,
    'read p50 ms': readMs.length ? Math.round(quantile(readMs, 0.5)) : '-',
    'read p95 ms': readMs.length ? Math.round(quantile(readMs, 0.95)) : '-',
  };
}

export async function statsStormBench(dataDir: string): Promise<Row[]> {
  const cases = Number(process.env.BENCH_STORM_CASES ?? 2_000_000);
  const server = startChild('stats-storm-server.ts', [dataDir, String(cases)], { TICK_MS: '1000' });
  const info = await server.next<ServerInfo>();
  const wall = openWall(info);
  await subscribe(wall, 'national');
  let phase: Phase = { ticksMs: [], degraded: 0, reads: [] };
  const record = (p: { sentAt: string; asOf: string; degraded: boolean }) => {
    phase.ticksMs.push(Date.parse(p.sentAt) - Date.parse(p.asOf));
    if (p.degraded) phase.degraded += 1;
  };
  wall.on('wall:update', record);
  wall.on('wall:snapshot', record);
  // a steady inflow, so that every tick has something new to count
  let stopLoad = false;
  const load = (async () => {
    for (let i = 0; !stopLoad; i += 1) {
      await ingest(info, JSON.stringify(benchCases(10, `STORM-${i}`)));
      await sleep(1000);
    }
  })();

  await sleep(5000); // the first ticks of a new scope run every query group
  phase = { ticksMs: [], degraded: 0, reads: [] };
  await sleep(PHASE_MS);
  const quiet = phase;

  phase = { ticksMs: [], degraded: 0, reads: [] };
  const stormUntil = Date.now() + PHASE_MS;
  const storm = phase;
  await Promise.all(
    Array.from({ length: READERS }, async () => {
      while (Date.now() < stormUntil) {
        const started = performance.now();
        const status = await yearOfStats(info);
        storm.reads.push({ status, ms: performance.now() - started });
      }
    }),
  );
  stopLoad = true;
  await load;
  wall.close();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  const quietP95 = quantile(quiet.ticksMs, 0.95);
  return [row('quiet', quiet, quietP95), row(`${READERS} concurrent year-long /stats reads`, storm, quietP95)];
}
