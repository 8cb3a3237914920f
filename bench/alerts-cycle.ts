// `npm run bench -- alerts-cycle`: what the hot-issue detectors cost a serving server. A real server
// in a child process (alerts-cycle-server.ts) with national history; WALLS walls (national and
// provinces) tick on it while cases keep arriving, first without detectors, then with a whole
// national detection cycle every BENCH_CYCLE_EVERY_S seconds; then a 14-day backtest of two provinces.
// The history and the inflow are shaped like a hotline's intake (alerts-cycle-history.ts).
// Targets (issue 10): a cycle's p95 <= 2 s; the walls' tick p95 with detectors <= 1.2x without; each
// backtest < 60 s. The tick is as the wall sees it: sentAt - asOf of each payload.
import fs from 'node:fs';
import { alertsCycleInflow } from './alerts-cycle-history';
import { startChild } from './live-child';
import { quantile } from './live-history';
import { ingest, openWall, sleep, subscribe, type Row, type ServerInfo, type Wall } from './live-wall';

const PHASE_MS = Number(process.env.BENCH_CYCLE_PHASE_S ?? 90) * 1000;
const CYCLE_EVERY_MS = Number(process.env.BENCH_CYCLE_EVERY_S ?? 10) * 1000;
const CASES_PER_DAY = Number(process.env.BENCH_CYCLE_CASES_PER_DAY ?? 60_000);
const WALL_SCOPES = ['national', '440000', '420000', '110000', '510000', '330000'];

interface Cycle {
  totalMs: number;
  byDetector: Record<string, number>;
  signals: number;
  intakeFailures: number;
}
interface Result {
  casesPerDay: number;
  historyDays: number;
  fillSeconds: number;
  quietFromMs: number;
  detectFromMs: number;
  detectToMs: number;
  cycles: Cycle[];
}
interface Backtests {
  backtests: Array<{ scope: string; seconds: number; alerts: number }>;
}

const ms = (v: number) => Math.round(v);

export async function alertsCycleBench(dataDir: string): Promise<Array<[string, Row[]]>> {
  const server = startChild('alerts-cycle-server.ts', [
    dataDir,
    String(CASES_PER_DAY),
    String(PHASE_MS),
    String(CYCLE_EVERY_MS),
  ]);
  const info = await server.next<ServerInfo>();
  const ticks: Array<{ atMs: number; tickMs: number }> = [];
  const walls: Wall[] = [];
  for (const scope of WALL_SCOPES) {
    const wall = openWall(info);
    const record = (p: { sentAt: string; asOf: string }) =>
      ticks.push({ atMs: Date.parse(p.sentAt), tickMs: Date.parse(p.sentAt) - Date.parse(p.asOf) });
    wall.on('wall:update', record);
    wall.on('wall:snapshot', record);
    await subscribe(wall, scope);
    walls.push(wall);
  }
  // a steady inflow through the ingest (so the term rollup fills too) at the history's average rate
  // and shape (not one burst into the same cells, which the detectors would rightly call a surge);
  // a loaded machine may reset a request: counted, not fatal
  let stopLoad = false;
  let ingestFailures = 0;
  const load = (async () => {
    let owed = 0;
    for (let i = 0; !stopLoad; i += 1) {
      owed += CASES_PER_DAY / 86_400;
      const count = Math.floor(owed);
      owed -= count;
      if (count > 0)
        await ingest(info, JSON.stringify(alertsCycleInflow(count, `CYCLE-${i}`, Date.now(), i))).catch(
          () => (ingestFailures += 1),
        );
      await sleep(1000);
    }
  })();
  await sleep(5000); // the first ticks of a new scope run every query group
  server.process.kill('SIGUSR1');
  const result = await server.next<Result>();
  stopLoad = true;
  await load;
  for (const wall of walls) wall.close();
  const { backtests } = await server.next<Backtests>();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });

  const within = (from: number, to: number) => ticks.filter((t) => t.atMs >= from && t.atMs < to).map((t) => t.tickMs);
  const quiet = within(result.quietFromMs, result.detectFromMs);
  const busy = within(result.detectFromMs, result.detectToMs);
  const quietP95 = quantile(quiet, 0.95);
  const tickRows: Row[] = [
    ['without detectors', quiet],
    [`a national detection cycle every ${CYCLE_EVERY_MS / 1000} s`, busy],
  ].map(([phase, values]) => ({
    phase: phase as string,
    payloads: (values as number[]).length,
    'tick p50 ms': ms(quantile(values as number[], 0.5)),
    'tick p95 ms': ms(quantile(values as number[], 0.95)),
    'p95 ratio': Math.round((quantile(values as number[], 0.95) / quietP95) * 100) / 100,
  }));
  const totals = result.cycles.map((c) => c.totalMs);
  const names = Object.keys(result.cycles[0]?.byDetector ?? {});
  const cycleRows: Row[] = [
    {
      part: 'whole cycle',
      cycles: totals.length,
      'p50 ms': ms(quantile(totals, 0.5)),
      'p95 ms': ms(quantile(totals, 0.95)),
      'max ms': ms(Math.max(...totals)),
    },
    ...names.map((name) => {
      const values = result.cycles.map((c) => c.byDetector[name] ?? 0);
      return {
        part: name,
        cycles: values.length,
        'p50 ms': ms(quantile(values, 0.5)),
        'p95 ms': ms(quantile(values, 0.95)),
        'max ms': ms(Math.max(...values)),
      };
    }),
  ];
  const backtestRows: Row[] = backtests.map((b) => ({
    scope: b.scope,
    days: 14,
    seconds: Math.round(b.seconds * 10) / 10,
    alerts: b.alerts,
  }));
  const signals = result.cycles.map((c) => c.signals).join('/');
  const lapsed = result.cycles.reduce((n, c) => n + c.intakeFailures, 0);
  const history = `signals a cycle ${signals}, ${lapsed} intakes refused (writer lease lapsed); ${result.casesPerDay} cases a day over ${result.historyDays} days (filled in ${Math.round(result.fillSeconds)} s), ${WALL_SCOPES.length} walls, ${ingestFailures} inflow requests failed`;
  return [
    [`Alerts: national detection cycle while walls tick (${history})`, cycleRows],
    ["Alerts: the walls' tick without and with detectors (same server, same run)", tickRows],
    ['Alerts: 14-day backtest of one province (hourly steps, every detector)', backtestRows],
  ];
}
