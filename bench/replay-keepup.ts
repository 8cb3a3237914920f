// `npm run bench -- replay-keepup`: a wall group replaying BENCH_REPLAY_HOURS (default 24) of stored
// history at 3,600x (an hour of history per one-second tick) against a store of BENCH_REPLAY_CASES
// (default 1,000,000) cases over the last 30 days, national scope, one tile watching. Keeping up
// means no skipped step (commandwall_replay_steps_skipped_total stays 0); each step's time is the
// source's computePanelsAt, measured around it.
import fs from 'node:fs';
import os from 'node:os';
import { STATUS_CODES } from '@shared/codes';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@shared/time';
import type { WallSnapshot, WallUpdate } from '@shared/wall-events';
import { createClickHouse } from '../server/clickhouse/client';
import { loadConfig } from '../server/config';
import { createServer } from '../server/create-server';
import { systemClock } from '../server/clock';
import { createPanelsAtSource } from '../server/replay/create-panels-at-source';
import { runOpenCheckpoints } from '../server/replay/open-checkpoint-job';
import type { PanelsAtSource } from '../server/replay/panels-at';
import { insertCases, quantile, waitForMerges } from './live-history';
import { openWall, type Row } from './live-wall';

const HOURS = Number(process.env.BENCH_REPLAY_HOURS ?? 24);
const CASES = Number(process.env.BENCH_REPLAY_CASES ?? 1_000_000);
const SPEED = 3_600;
const TICK_MS = 1_000;

/** The source, with each step's duration written down. */
function timed(source: PanelsAtSource, stepsMs: number[]): PanelsAtSource {
  return {
    historyBounds: () => source.historyBounds(),
    async computePanelsAt(scope, atMs) {
      const started = performance.now();
      const result = await source.computePanelsAt(scope, atMs);
      stepsMs.push(performance.now() - started);
      return result;
    },
  };
}

export async function replayKeepupBench(dataDir: string): Promise<Row[]> {
  fs.mkdirSync(dataDir, { recursive: true });
  const nowMs = Date.now();
  const stepsMs: number[] = [];
  const config = { ...loadConfig({}), port: 0, logLevel: 'silent' as const, dataDir, tickMs: TICK_MS };
  // the clickhouse the source reads is the server's own: opened first, handed to both
  const clickhouse = createClickHouse({ dataDir });
  const inner = createPanelsAtSource({ clickhouse, clock: systemClock, incidentClocks: config.incidentClocks });
  const source = timed(inner, stepsMs);
  const server = createServer({ config, clickhouse, panelsAt: source });
  const { port, ready } = await server.start();
  await ready;
  await insertCases(clickhouse, 'RK-', 0, CASES, nowMs - 30 * DAY_MS, 30 * DAY_MS - MINUTE_MS, STATUS_CODES);
  await waitForMerges(clickhouse, 120_000);
  // the checkpoint job, run until every hour holds one (the server's own runs every ten minutes); every
  // insert has returned, so no margin for one still running
  const checkpointStarted = performance.now();
  let checkpointHours = 0;
  for (let run; (run = await runOpenCheckpoints({ clickhouse, clock: systemClock, insertMarginMs: 0 })).taken > 0;)
    checkpointHours += run.taken;
  const checkpointSeconds = (performance.now() - checkpointStarted) / 1000;

  const wallToken = server.tokens.firstOf('wall')!.token;
  const directorToken = server.tokens.firstOf('director')!.token;
  const wall = openWall({ port, wallToken, ingestToken: '' });
  const shown: string[] = [];
  const done = new Promise<void>((resolve) => {
    const seen = (p: WallSnapshot | WallUpdate) => {
      if (p.mode !== 'replay') return;
      shown.push(p.asOf);
      if (p.replay?.paused) resolve();
    };
    wall.on('wall:snapshot', seen);
    wall.on('wall:update', seen);
  });
  await wall.emitWithAck('scope:subscribe', { scope: 'national', wall: 'bench-replay' });
  const toMs = Math.floor((nowMs - DAY_MS) / HOUR_MS) * HOUR_MS;
  const fromMs = toMs - HOURS * HOUR_MS;
  // one cold step first, untimed by the replay: the first read of a fresh store pays for its caches
  const coldStarted = performance.now();
  await source.computePanelsAt('national', fromMs);
  const coldMs = performance.now() - coldStarted;
  stepsMs.length = 0;
  // the bulk insert may have kept the engine from renewing the writer lease: wait for it again
  let response: Response;
  for (let tries = 0; ; tries += 1) {
    response = await fetch(`http://127.0.0.1:${port}/api/v1/walls/bench-replay/replay`, {
      method: 'POST',
      headers: { authorization: `Bearer ${directorToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString(), speed: SPEED }),
    });
    if (response.status !== 503 || tries >= 30) break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  if (response.status !== 200) throw new Error(`replay refused: ${response.status} ${await response.text()}`);
  const startedMs = Date.now();
  await done;
  const wallSeconds = (Date.now() - startedMs) / 1000;
  const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  const skipped = Number(/^commandwall_replay_steps_skipped_total (\S+)$/m.exec(metrics)?.[1] ?? 0);
  wall.disconnect();
  await server.stop();
  await clickhouse.close();
  return [
    {
      'cases stored': CASES,
      'period (h)': HOURS,
      speed: `${SPEED}x`,
      'tick ms': TICK_MS,
      'moments shown': new Set(shown).size,
      steps: stepsMs.length,
      skipped,
      'step p50 ms': Math.round(quantile(stepsMs, 0.5)),
      'step p95 ms': Math.round(quantile(stepsMs, 0.95)),
      'step max ms': Math.round(Math.max(...stepsMs)),
      'cold step ms': Math.round(coldMs),
      'checkpoints taken (hours, s)': `${checkpointHours}, ${Math.round(checkpointSeconds)}`,
      'open from checkpoint / spells': `${inner.openPaths.checkpoint} / ${inner.openPaths.spells}`,
      'load average': os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' '),
      'steps ms': stepsMs.map((ms) => Math.round(ms)).join(' '),
      'wall time s': Math.round(wallSeconds * 10) / 10,
      'ideal s': HOURS,
    },
  ];
}
