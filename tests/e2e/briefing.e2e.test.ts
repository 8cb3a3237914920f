// The wall in briefing mode, in real headless Chromium against the real server (wall groups,
// server/walls/): a frozen wall says frozen and shows its moment, never goes stale, and comes back
// frozen after a reload; a replay moves its scrubber; the director's bar drives the group, and a
// display token that may not is told so in words. Needs dist/client (`npx vite build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { callApi, startTestServer, type TestServer } from '../helpers/test-server';
import { CHROMIUM_PATH, launchBrowser, openWall, waitForWallDrawn } from './browser';
import { caseSpread } from './wall-cases';

const BUILT = fileURLToPath(new URL('../../dist/client/index.html', import.meta.url));
const MODE = '[data-testid="wall-mode"]';
const CLOCK = '[data-testid="clock"]';
const STATUS = '[data-testid="connection-status"]';
const SCRUBBER = '[data-testid="replay-scrubber"]';
const MINUTE_MS = 60_000;
/** a wall's first full draw, on a machine shared with other test runs (software WebGL) */
const DRAWN_MS = 60_000;

/** "09:05", Beijing time, as the header shows a moment on a whole minute. */
const beijingHourMinute = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(11, 16);

async function modeOf(page: Page): Promise<{ mode: string | null; shownAt: string | null; clock: string | null }> {
  return {
    mode: await page.getAttribute(MODE, 'data-mode').catch(() => null),
    shownAt: await page.getAttribute(CLOCK, 'data-shown-at'),
    clock: await page.textContent(CLOCK),
  };
}

describe.skipIf(!existsSync(CHROMIUM_PATH))('the wall in briefing mode, in Chromium against the real server', () => {
  let server: TestServer;
  let browser: Browser;
  let wallUrl: string;
  let directorUrl: string;
  const startedMs = Date.now();

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error('dist/client is missing: run `npx vite build` (npm test does)');
    server = await startTestServer();
    // 60 cases over the last half hour: the stored history a group may freeze on or replay
    expect((await server.ingest(caseSpread(60, startedMs))).status).toBe(200);
    wallUrl = `${server.baseUrl}/?token=${server.token('wall')}`;
    directorUrl = `${server.baseUrl}/?mode=director&token=${server.token('director')}`;
    browser = await launchBrowser();
  }, 60_000);

  afterEach(async () => {
    await callApi(server, 'POST', '/api/v1/walls/national/live', 'director');
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('says frozen with the moment in China time, stays fresh, and rejoins the mode after a reload', async () => {
    const wall = await openWall(browser, wallUrl);
    await waitForWallDrawn(wall.page, DRAWN_MS);
    const atMs = Math.floor((startedMs - 10 * MINUTE_MS) / MINUTE_MS) * MINUTE_MS;
    const frozen = await callApi(server, 'POST', '/api/v1/walls/national/freeze', 'director', {
      at: new Date(atMs).toISOString(),
    });
    expect(frozen.status).toBe(200);
    expect(frozen.body).toMatchObject({ id: 'national', mode: 'frozen', scope: 'national' });

    await wall.page.waitForSelector(`${MODE}[data-mode="frozen"]`, { timeout: 10_000 });
    const shown = await modeOf(wall.page);
    expect(Date.parse(shown.shownAt!)).toBe(atMs);
    expect(shown.clock).toBe(beijingHourMinute(atMs));
    expect(await wall.page.textContent(MODE)).toContain('冻结');
    // a frozen moment is history on purpose: no tile is stale, however long it stays
    await wall.page.waitForTimeout(4_500);
    expect(await wall.page.getAttribute(STATUS, 'data-state')).toBe('live');
    expect(await wall.page.locator('[data-testid^="panel-"][data-stale="true"]').count()).toBe(0);
    await wall.screenshot('briefing-frozen-1920x1080');

    // another tile of the group, and this one after a reload, show the same moment
    const other = await openWall(browser, wallUrl);
    await other.page.waitForSelector(`${MODE}[data-mode="frozen"]`, { timeout: 15_000 });
    expect((await modeOf(other.page)).shownAt).toBe(shown.shownAt);
    await wall.page.reload();
    await wall.page.waitForSelector(`${MODE}[data-mode="frozen"]`, { timeout: 15_000 });
    expect((await modeOf(wall.page)).shownAt).toBe(shown.shownAt);

    // back to live: the badge goes, the clock is the time now again
    expect((await callApi(server, 'POST', '/api/v1/walls/national/live', 'director')).status).toBe(200);
    await wall.page.waitForSelector(MODE, { state: 'detached', timeout: 10_000 });
    expect(await wall.page.getAttribute(CLOCK, 'data-shown-at')).toBeNull();
    expect(wall.consoleErrors).toEqual([]);
  }, 180_000);

  it('moves the scrubber of a replay, and holds it while paused', async () => {
    const director = await openWall(browser, directorUrl);
    await waitForWallDrawn(director.page, DRAWN_MS);
    // within the stored history: from the first whole minute after the oldest case to the last one before now
    const fromMs = Math.ceil((startedMs - 30 * MINUTE_MS) / MINUTE_MS) * MINUTE_MS + MINUTE_MS;
    const toMs = Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS;
    const replay = await callApi(server, 'POST', '/api/v1/walls/national/replay', 'director', {
      scope: 'national',
      from: new Date(fromMs).toISOString(),
      to: new Date(toMs).toISOString(),
      speed: 60,
    });
    expect(replay.status).toBe(200);
    expect(replay.body).toMatchObject({ mode: 'replay', replay: { speed: 60, paused: false } });

    await director.page.waitForSelector(`${MODE}[data-mode="replay"]`, { timeout: 10_000 });
    const position = async () => Number(await director.page.getAttribute(SCRUBBER, 'data-position'));
    const first = await position();
    await director.page.waitForFunction(
      ([selector, before]) => Number(document.querySelector(selector)?.getAttribute('data-position')) > before,
      [SCRUBBER, first] as const,
      { timeout: 10_000 },
    );
    // at 60x a second of wall time is a minute of history: asOf falls on whole minutes
    expect(Date.parse((await modeOf(director.page)).shownAt!) % MINUTE_MS).toBe(0);
    await director.screenshot('briefing-replay-director-1920x1080');

    // the bar's pause: the badge says paused and the scrubber stops
    await director.page.click('[data-testid="control-pause"]');
    await director.page.waitForSelector(`${MODE}[data-paused="true"]`, { timeout: 10_000 });
    const paused = await position();
    await director.page.waitForTimeout(2_500);
    expect(await position()).toBe(paused);
    expect(director.consoleErrors).toEqual([]);
  }, 180_000);

  it('freezes from the director bar, and tells a display token that may not control the wall', async () => {
    const director = await openWall(browser, directorUrl);
    await waitForWallDrawn(director.page, DRAWN_MS);
    await director.page.click('[data-testid="control-freeze-now"]');
    await director.page.waitForSelector(`${MODE}[data-mode="frozen"]`, { timeout: 10_000 });
    await director.page.click('[data-testid="control-live"]');
    await director.page.waitForSelector(MODE, { state: 'detached', timeout: 10_000 });

    // a plain wall token in director mode: the server refuses (403) and the bar says why
    const wall = await openWall(browser, `${wallUrl}&mode=director`);
    await waitForWallDrawn(wall.page, DRAWN_MS);
    await wall.page.click('[data-testid="control-freeze-now"]');
    await wall.page.waitForSelector('[data-testid="control-refusal"]', { timeout: 10_000 });
    expect(await wall.page.textContent('[data-testid="control-refusal"]')).toContain('主任或管理员');
    expect(await wall.page.locator(MODE).count()).toBe(0);

    // an unattended multi-screen wall never shows the bar, director mode or not
    const tile = await openWall(browser, `${directorUrl}&tile=1/2`);
    await tile.page.waitForSelector('[data-testid="panel-kpis"][data-has-data="true"]', {
      state: 'attached',
      timeout: DRAWN_MS,
    });
    expect(await tile.page.locator('[data-testid="control-bar"]').count()).toBe(0);
  }, 180_000);
});
