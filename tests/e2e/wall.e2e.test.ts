// The built wall (dist/client, from `npm run build`) in real headless Chromium against the real server:
// Express + /wall + the embedded ClickHouse on a fresh DATA_DIR. Cases go in through the ingest API
// and come out on the screen; the server is stopped and restarted under the open wall.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { TILE_IDS } from '@shared/panels';
import { WALL_NAMESPACE } from '@shared/wall-events';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeCase, startTestServer, tempDataDir, type TestServer } from '../helpers/test-server';
import { CHROMIUM_PATH, launchBrowser, openWall, waitForWallDrawn } from './browser';
import { caseSpread } from './wall-cases';

const BUILT = fileURLToPath(new URL('../../dist/client/index.html', import.meta.url));
const PANELS = TILE_IDS;
const STATUS = '[data-testid="connection-status"]';
const TOTAL = '[data-testid="kpi-today-total"]';

/** Every panel lies fully inside the viewport with a usable size: nothing cut off, nothing collapsed. */
async function panelBoxes(page: Page): Promise<string[]> {
  return page.evaluate((names) => {
    const problems: string[] = [];
    for (const name of names) {
      const box = document.querySelector(`[data-testid="panel-${name}"]`)?.getBoundingClientRect();
      if (!box) problems.push(`${name}: missing`);
      else if (box.width < 200 || box.height < 100) problems.push(`${name}: ${box.width}x${box.height}`);
      else if (box.left < 0 || box.top < 0 || box.right > innerWidth + 0.5 || box.bottom > innerHeight + 0.5)
        problems.push(`${name}: outside the viewport`);
    }
    return problems;
  }, PANELS);
}

/** The map's WebGL canvas is drawn at the container's real pixel size, not scaled up. */
async function mapCanvasSize(page: Page) {
  return page.$eval('[data-testid="map"] canvas', (canvas) => {
    const c = canvas as HTMLCanvasElement;
    return { width: c.width, height: c.height, cssWidth: c.clientWidth, cssHeight: c.clientHeight };
  });
}

describe.skipIf(!existsSync(CHROMIUM_PATH))('the wall in Chromium against the real server', () => {
  const dataDir = tempDataDir('cw-wall-e2e-');
  let server: TestServer;
  let browser: Browser;
  let wallUrl: string;

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error('dist/client is missing: run `npx vite build` (npm test does)');
    server = await startTestServer({ dataDir });
    const posted = await server.ingest(caseSpread(60));
    expect(posted.status).toBe(200);
    wallUrl = `${server.baseUrl}/?token=${server.token('wall')}`;
    browser = await launchBrowser();
  });

  // A failed test leaves its wall open; a 4K page still rendering in software would starve the next tests.
  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [width, height] of [
    [1920, 1080],
    [3840, 2160],
  ]) {
    it(`draws the map and every panel at ${width}x${height} with no console errors`, async () => {
      const wall = await openWall(browser, wallUrl, { width, height });
      // CI draws WebGL in software (SwiftShader): a 4K frame takes far longer there than on a wall's GPU.
      await waitForWallDrawn(wall.page, width > 1920 ? 180_000 : 15_000);
      expect(await panelBoxes(wall.page)).toEqual([]);
      expect(Number(await wall.page.textContent(TOTAL))).toBeGreaterThanOrEqual(1);
      expect(await wall.page.getAttribute(STATUS, 'data-state')).toBe('live');
      expect(await wall.page.locator('[data-testid="feed-case"]').count()).toBeGreaterThan(0);
      // Honest empty states: no detector has reported anything here, and no incident reported on this server.
      expect(await wall.page.isVisible('[data-testid="alerts-empty"]')).toBe(true);
      expect(await wall.page.isVisible('[data-testid="incidents-empty"]')).toBe(true);
      // Real resolution: 1rem is 16 design px times width/1920, and the map canvas has one pixel per CSS px.
      expect(await wall.page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe(
        `${16 * (width / 1920)}px`,
      );
      const canvas = await mapCanvasSize(wall.page);
      expect(canvas.width).toBe(canvas.cssWidth);
      expect(canvas.height).toBe(canvas.cssHeight);
      expect(new URL(wall.page.url()).searchParams.has('token')).toBe(false);
      await wall.screenshot(`wall-${width}x${height}`);
      expect(wall.consoleErrors).toEqual([]);
      await wall.close();
    }, 240_000);
  }

  it('lays out a 32:9 wall at its real resolution', async () => {
    const wall = await openWall(browser, `${wallUrl}&layout=wide`, { width: 3840, height: 1080 });
    await waitForWallDrawn(wall.page, 90_000);
    expect(await panelBoxes(wall.page)).toEqual([]);
    await wall.screenshot('wall-wide-3840x1080');
    expect(wall.consoleErrors).toEqual([]);
    await wall.close();
  }, 120_000);

  it('shows a case posted to the ingest API in the today total within 3 s', async () => {
    const wall = await openWall(browser, wallUrl);
    await waitForWallDrawn(wall.page);
    const before = Number(await wall.page.textContent(TOTAL));
    const posted = await server.ingest([makeCase('e2e-new-case', { summary: '端到端测试：新案件' })]);
    expect(posted.status).toBe(200);
    await wall.page.waitForFunction(
      ([selector, expected]) => document.querySelector(selector)?.textContent === expected,
      [TOTAL, String(before + 1)] as const,
      { timeout: 3_000 },
    );
    expect(wall.consoleErrors).toEqual([]);
    await wall.close();
  });

  it('keeps the display token: the plain address works after the first visit', async () => {
    const wall = await openWall(browser, wallUrl);
    await waitForWallDrawn(wall.page);
    await wall.page.goto(`${server.baseUrl}/`);
    await waitForWallDrawn(wall.page);
    expect(await wall.page.$('[data-testid="notice"]')).toBeNull();
    await wall.close();
  });

  it('turns offline when the server stops and comes back live after a restart', async () => {
    const wall = await openWall(browser, wallUrl);
    await waitForWallDrawn(wall.page);
    const total = await wall.page.textContent(TOTAL);
    const port = server.port;
    await server.stop(); // says goodbye to every wall at once
    // From here Chromium logs the refused reconnection attempts as console errors: not checked.
    await wall.page.waitForSelector(`${STATUS}[data-state="offline"]`, { timeout: 10_000 });
    expect(await wall.page.textContent(STATUS)).toMatch(/连接中断 自 \d\d:\d\d/);
    // Panels refreshed every tick turn stale three ticks later; slower ones after three of their own.
    await wall.page.waitForSelector('[data-testid="panel-feed"][data-stale="true"]', { timeout: 10_000 });
    expect(await wall.page.textContent(TOTAL)).toBe(total); // the last numbers stay on screen
    await wall.screenshot('wall-offline-1920x1080');

    server = await startTestServer({ dataDir, port });
    await wall.page.waitForSelector(`${STATUS}[data-state="live"]`, { timeout: 20_000 });
    await wall.page.waitForSelector('[data-testid="panel-kpis"][data-stale="false"]', { timeout: 10_000 });
    expect(await wall.page.textContent(TOTAL)).toBe(total);
    await wall.close();
  });

  it('comes back by itself when the server disconnects it on purpose', async () => {
    const wall = await openWall(browser, wallUrl);
    await waitForWallDrawn(wall.page);
    // A graceful shutdown says goodbye: Socket.IO clients do not reconnect after that unless told to.
    server.server.io.of(WALL_NAMESPACE).disconnectSockets(true);
    await wall.page.waitForSelector(`${STATUS}[data-state="offline"]`, { timeout: 5_000 });
    await wall.page.waitForSelector(`${STATUS}[data-state="live"]`, { timeout: 10_000 });
    await wall.page.waitForSelector('[data-testid="panel-kpis"][data-stale="false"]', { timeout: 10_000 });
    expect(wall.consoleErrors).toEqual([]);
    await wall.close();
  });

  it('shows a full-screen notice, never a login form, to a display without a token', async () => {
    const wall = await openWall(browser, `${server.baseUrl}/`);
    await wall.page.waitForSelector('[data-testid="notice"]');
    expect(await wall.page.textContent('[data-testid="notice"]')).toContain('token=');
    expect(await wall.page.$('input[type="password"]')).toBeNull();
    expect(wall.consoleErrors).toEqual([]);
    await wall.close();
  });

  it('says in Chinese why the server refused the token: the code is translated, no English reaches the wall', async () => {
    const wall = await openWall(browser, `${server.baseUrl}/?token=not-a-token-this-server-knows`);
    await wall.page.waitForSelector('[data-testid="notice"]');
    const notice = (await wall.page.textContent('[data-testid="notice"]')) ?? '';
    expect(notice).toContain('服务器拒绝了此显示屏');
    expect(notice).toContain('令牌无效或已被撤销');
    expect(notice).not.toMatch(/token-invalid|valid token/);
    await wall.close();
  });
});
