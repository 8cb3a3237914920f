// The wall in headless Chromium against a demo server (simulator on) in a child process: time from
// navigation to a fully drawn wall, gzip size of each built chunk, and JS heap / DOM nodes / listeners
// over a soak. Durations come from the environment so `npm run bench` stays short:
//   WALL_BENCH_MINUTES (default 3): soak length; WALL_BENCH_EARLY_MINUTES (default 1): the reference
//   sample; WALL_BENCH_SIM_SPEED (default 10); WALL_BENCH_HISTORY_DAYS (default 2) of backfilled history,
//   stored before any wall is opened.
// The figure is WALL_BENCH_EARLY_MINUTES=5 WALL_BENCH_MINUTES=60.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import zlib from 'node:zlib';
import type { Page } from 'playwright-core';
import { drawnTiming, launchBrowser, openWall, waitForWallDrawn } from '../tests/e2e/browser';

const ROOT = path.resolve(import.meta.dirname, '..');
const DIST = path.join(ROOT, 'dist', 'client');

// The child: the real server and the real demo simulator, with a shorter history than `npm run demo`.
const CHILD = `
import { loadConfig } from '${ROOT}/server/config.ts';
import { createServer } from '${ROOT}/server/create-server.ts';
import { loadSimulatorConfig } from '${ROOT}/simulator/config.ts';
import { runDemo } from '${ROOT}/simulator/demo.ts';
const config = { ...loadConfig(), port: 0, logLevel: 'silent' };
const server = createServer({ config });
const { port, ready } = await server.start();
await ready;
const stop = await runDemo({ server, simulator: loadSimulatorConfig(), baseUrl: 'http://127.0.0.1:' + port, days: Number(process.env.WALL_BENCH_HISTORY_DAYS) });
// the walls are measured on a server at rest, as in service: not while it backfills history
await stop.historyStored;
process.stdout.write(JSON.stringify({ port, wallToken: server.tokens.firstOf('wall').token }) + '\\n');
process.on('SIGTERM', () => void stop().then(() => server.stop()).then(() => process.exit(0)));
`;

export interface DemoServer {
  url: string;
  child: ChildProcess;
}

export async function startDemo(dataDir: string, simSpeed: number, historyDays: number): Promise<DemoServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', CHILD], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      SIM_SPEED: String(simSpeed),
      WALL_BENCH_HISTORY_DAYS: String(historyDays),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`demo server exited with ${code}`)));
  });
  const { port, wallToken } = JSON.parse(line) as { port: number; wallToken: string };
  return { url: `http://127.0.0.1:${port}/?token=${wallToken}`, child };
}

export async function stopDemo(demo: DemoServer): Promise<void> {
  const exited = new Promise((resolve) => demo.child.once('exit', resolve));
  demo.child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 30_000))]);
  if (demo.child.exitCode === null) demo.child.kill('SIGKILL');
}

/** The wall's own verdict on its data: live, stale or offline. */
function connectionState(page: Page): Promise<string> {
  return page.evaluate(
    () => document.querySelector('[data-testid="connection-status"]')?.getAttribute('data-state') ?? 'none',
  );
}

/** gzip size of every JS and CSS chunk the build produced, largest first. */
export function chunkSizes(): Array<{ chunk: string; kB: number; gzipKB: number }> {
  const dir = path.join(DIST, 'assets');
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(js|css)$/.test(f))
    .map((f) => {
      const bytes = fs.readFileSync(path.join(dir, f));
      return {
        chunk: f.replace(/-[\w-]{8}\./, '.'),
        kB: bytes.length / 1024,
        gzipKB: zlib.gzipSync(bytes).length / 1024,
      };
    })
    .sort((a, b) => b.gzipKB - a.gzipKB);
}

export async function wallBench(scratchDir: string): Promise<Array<[string, object[]]>> {
  const minutes = Number(process.env.WALL_BENCH_MINUTES ?? 3);
  const earlyMinutes = Number(process.env.WALL_BENCH_EARLY_MINUTES ?? 1);
  const simSpeed = Number(process.env.WALL_BENCH_SIM_SPEED ?? 10);
  const historyDays = Number(process.env.WALL_BENCH_HISTORY_DAYS ?? 2);
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/client is missing: run `npm run build`');
  fs.mkdirSync(scratchDir, { recursive: true });
  const demo = await startDemo(scratchDir, simSpeed, historyDays);
  const browser = await launchBrowser();
  try {
    // Navigation to fully drawn: every panel holds data and the map shows it, on the page's clock
    // (from navigation start to the frame after it; see tests/e2e/browser.ts). seenByHarnessMs is when
    // Playwright's polling noticed, from before page.goto: later, as its polls wait for a busy page.
    // A fresh browser context each time, so nothing comes from the HTTP cache.
    const drawn: object[] = [];
    for (let run = 1; run <= 5; run += 1) {
      const started = Date.now();
      const wall = await openWall(browser, demo.url);
      await waitForWallDrawn(wall.page, 30_000, false);
      const seenByHarnessMs = Date.now() - started;
      const { drawnMs, paintedMs } = await drawnTiming(wall.page);
      await waitForWallDrawn(wall.page, 30_000);
      const timing = await wall.page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return { domContentLoadedMs: Math.round(nav.domContentLoadedEventEnd), loadMs: Math.round(nav.loadEventEnd) };
      });
      drawn.push({
        run,
        ...timing,
        drawnMs,
        drawnWithDataMs: paintedMs,
        seenByHarnessMs,
        targetMs: 5000,
      });
      await wall.close();
    }

    // Soak: one wall left open; after a forced GC, heap, DOM nodes and listeners every minute.
    const wall = await openWall(browser, demo.url);
    await waitForWallDrawn(wall.page, 30_000);
    const cdp = await wall.page.context().newCDPSession(wall.page);
    await cdp.send('Performance.enable');
    const soak: Array<{ minute: number; heapMiB: number; domNodes: number; listeners: number; state: string }> = [];
    const started = Date.now();
    for (let minute = 0; minute <= minutes; minute += 1) {
      const wait = started + minute * 60_000 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
      soak.push({
        minute,
        heapMiB: Math.round((metric('JSHeapUsedSize') / 2 ** 20) * 10) / 10,
        domNodes: metric('Nodes'),
        listeners: metric('JSEventListeners'),
        state: await connectionState(wall.page),
      });
    }
    const stateAtEnd = await connectionState(wall.page);
    const consoleErrors = wall.consoleErrors.length;
    await wall.close();
    const early = soak.find((s) => s.minute === earlyMinutes) ?? soak[0];
    const last = soak[soak.length - 1];
    const verdict = [
      {
        simSpeed,
        from: `${early.minute} min`,
        to: `${last.minute} min`,
        heapChangePercent: Math.round(((last.heapMiB - early.heapMiB) / early.heapMiB) * 1000) / 10,
        domNodesChange: last.domNodes - early.domNodes,
        listenersChange: last.listeners - early.listeners,
        stateAtEnd,
        consoleErrors,
      },
    ];
    return [
      ['Wall: navigation to fully drawn (all panels with data, map coloured)', drawn],
      ['Wall: built chunks', chunkSizes()],
      [`Wall: memory over ${minutes} min of live updates at SIM_SPEED=${simSpeed} (after forced GC)`, soak],
      ['Wall: memory verdict (target: heap within 10 %, DOM nodes flat)', verdict],
    ];
  } finally {
    await browser.close();
    await stopDemo(demo);
  }
}
