// A look at the wall in briefing mode before (or without) the server's wall groups: the real server
// and the built wall, with the /wall frames rewritten in the browser so payloads say frozen or replay
// as the contract has them (shared/wall-events.ts). For looking at, not for testing the server.
//   npx tsx tests/e2e/briefing-preview.ts [frozen|replay] [WxH ...]   (needs dist/client)
// DIRECTOR=1 adds the director's bar; WALL_LANG=en the English wall.
import type { Page } from 'playwright-core';
import { startTestServer } from '../helpers/test-server';
import { SCREENSHOT_DIR, launchBrowser, openWall, waitForWallDrawn } from './browser';
import { caseSpread } from './wall-cases';

const [mode = 'frozen', ...sizes] = process.argv.slice(2);
const viewports = (sizes.length ? sizes : ['1920x1080', '3840x2160']).map((s) => s.split('x').map(Number));
const HOUR = 3_600_000;
const periodTo = Math.floor(Date.now() / 60_000) * 60_000 - 2 * HOUR;
const periodFrom = periodTo - 14 * HOUR;
let atMs = periodFrom + 5 * HOUR;

/** The contract's not-live fields on a payload of the /wall namespace. */
function decorate(payload: Record<string, unknown>): void {
  payload.wall = 'national';
  payload.mode = mode;
  payload.history = { resolution: 'hour', notKept: ['latestCases', 'heat'] };
  if (mode === 'replay') {
    atMs = Math.min(periodTo, atMs + 60_000 * 60);
    payload.replay = {
      from: new Date(periodFrom).toISOString(),
      to: new Date(periodTo).toISOString(),
      at: new Date(atMs).toISOString(),
      speed: 3600,
      paused: false,
    };
  }
  payload.asOf = new Date(atMs).toISOString();
}

/** Engine.IO text packets joined by \x1e (polling) or one per frame (websocket). */
function rewrite(text: string): string {
  return text
    .split('\x1e')
    .map((packet) => {
      const prefix = '42/wall,';
      if (!packet.startsWith(prefix)) return packet;
      const [event, payload] = JSON.parse(packet.slice(prefix.length)) as [string, Record<string, unknown>];
      if (event === 'wall:snapshot' || event === 'wall:update') decorate(payload);
      return `${prefix}${JSON.stringify([event, payload])}`;
    })
    .join('\x1e');
}

async function interceptWall(page: Page): Promise<void> {
  await page.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => ws.send(typeof message === 'string' ? rewrite(message) : message));
  });
  await page.route(/\/socket\.io\/.*transport=polling/, async (route) => {
    if (route.request().method() !== 'GET') return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, body: rewrite(await response.text()) });
  });
}

const server = await startTestServer();
await server.ingest(caseSpread(60));
const browser = await launchBrowser();
try {
  const query = `${process.env.DIRECTOR ? '&mode=director' : ''}${process.env.WALL_LANG === 'en' ? '&lang=en' : ''}`;
  for (const [width, height] of viewports) {
    const wall = await openWall(browser, 'about:blank', { width, height });
    await interceptWall(wall.page);
    await wall.page.goto(`${server.baseUrl}/?token=${server.token('director')}${query}`);
    await waitForWallDrawn(wall.page, 20_000, false).catch((e: Error) => console.log(e.message.split('\n')[0]));
    await wall.page.waitForTimeout(3000);
    const name = `briefing-${mode}${process.env.DIRECTOR ? '-director' : ''}-${width}x${height}`;
    // a 4K page rendered in software on a busy machine can take long over a frame
    await wall.page.screenshot({ path: `${SCREENSHOT_DIR}${name}.png`, timeout: 180_000 });
    console.log(`${SCREENSHOT_DIR}${name}.png`);
    if (wall.consoleErrors.length) console.log('console errors:', wall.consoleErrors);
    await wall.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
