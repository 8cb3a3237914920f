// Ingest-to-screen latency: from each ingest reply to the first payload on a wall that counts it.
import { benchCases } from './bench-cases';
import { startChild } from './live-child';
import { quantile } from './live-history';
import { ingest, openWall, sleep, subscribe, type Row, type ServerInfo } from './live-wall';

/** From each ingest reply to the first payload whose national today.total counts that request's cases. */
export async function latency(dataDir: string, tickMs: number): Promise<Row[]> {
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
    // 5 requests a second above 1 case/s: one request's reply takes tens of milliseconds
    const intervalMs = rate === 1 ? 1000 : 200;
    const perRequest = (rate * intervalMs) / 1000;
    const durationMs = rate === 1 ? 30_000 : 15_000;
    samples = [];
    const started = performance.now();
    let requests = 0;
    // requests one after the other (the totals then say which request a payload counts), at a steady
    // rate but at varying phases of the tick (a golden-ratio sequence): a fixed phase would measure
    // one point of the tick cycle over and over
    while (performance.now() - started < durationMs) {
      const phase = ((requests * 0.618034) % 1) - 0.5;
      const slot = started + (requests + 0.8 * phase) * intervalMs;
      if (performance.now() < slot) await sleep(slot - performance.now());
      // received now: counted in today's total whatever the time of day
      const receivedAt = new Date().toISOString();
      const cases = benchCases(perRequest, `L${tickMs}-${rate}-${requests}`).map((c) => ({ ...c, receivedAt }));
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
