// Where the time to a fully drawn wall goes: one wall opened against the demo server, with the
// moment each panel first has data and the map first draws, and the network requests that took
// longest. Not part of `npm run bench`; run it when the drawn figure moves:
//   npx tsx bench/draw-timeline.ts [runs=3]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DRAWN_RECORDER, drawnTiming, launchBrowser, waitForWallDrawn } from '../tests/e2e/browser';
import { startDemo, stopDemo } from './wall-bench';

// runs in the page before any of its scripts: times (ms since navigation) of each first "has data"
const RECORDER = `
window.__marks = {};
new MutationObserver((mutations) => {
  for (const m of mutations) {
    const el = m.target;
    const id = el.getAttribute && el.getAttribute('data-testid');
    if (!id) continue;
    const on = el.getAttribute('data-has-data') === 'true' || el.getAttribute('data-drawn') === 'true';
    if (on && !(id in window.__marks)) window.__marks[id] = Math.round(performance.now());
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-has-data', 'data-drawn'] });
`;

async function main(): Promise<void> {
  const runs = Number(process.argv[2] ?? 3);
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-draw-'));
  const demo = await startDemo(scratch, 10, 2);
  const browser = await launchBrowser();
  try {
    for (let run = 1; run <= runs; run += 1) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 });
      await context.addInitScript(RECORDER);
      await context.addInitScript(DRAWN_RECORDER);
      const page = await context.newPage();
      const started = Date.now();
      await page.goto(demo.url, { waitUntil: 'domcontentloaded' });
      await waitForWallDrawn(page, 30_000, false);
      const total = Date.now() - started;
      const pageNow = await page.evaluate(() => Math.round(performance.now()));
      const timing = await drawnTiming(page);
      const report = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const resources = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .map((r) => ({
            name: r.name.replace(/^.*\/\/[^/]+/, '').slice(0, 70),
            start: Math.round(r.startTime),
            end: Math.round(r.responseEnd),
            kB: Math.round(r.encodedBodySize / 1024),
          }))
          .sort((a, b) => b.end - a.end)
          .slice(0, 6);
        return {
          dcl: Math.round(nav.domContentLoadedEventEnd),
          load: Math.round(nav.loadEventEnd),
          marks: (window as unknown as { __marks: Record<string, number> }).__marks,
          resources,
        };
      });
      console.log(
        `\nrun ${run}: drawn with data after ${total} ms (DOMContentLoaded ${report.dcl}, load ${report.load}; page clock when seen: ${pageNow} ms; drawn ${timing.drawnMs}, painted ${timing.paintedMs})`,
      );
      for (const [id, ms] of Object.entries(report.marks).sort((a, b) => a[1] - b[1]))
        console.log(`  ${String(ms).padStart(6)} ms  ${id}`);
      console.log('  latest responses:');
      for (const r of report.resources)
        console.log(
          `  ${String(r.start).padStart(6)} → ${String(r.end).padStart(6)} ms  ${String(r.kB).padStart(5)} kB  ${r.name}`,
        );
      await context.close();
    }
  } finally {
    await browser.close();
    await stopDemo(demo);
  }
}

await main();
