// A hot-issue alert on the built wall in real headless Chromium: the detectors' signals go in through
// the alerts domain's entry point (ingestSignals, as the detector jobs call it), and the wall lists
// the alert with its explanation, pulses the map at its region and announces it with a banner.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { MINUTE_MS } from '@shared/time';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeCase, startTestServer, tempDataDir, type TestServer } from '../helpers/test-server';
import { clusterSignal, surgeSignal, TIANHE, unrelatedSignal } from '../alerts/signal-fixtures';
import { CHROMIUM_PATH, launchBrowser, openWall, waitForWallDrawn } from './browser';
import { caseSpread } from './wall-cases';

const BUILT = fileURLToPath(new URL('../../dist/client/index.html', import.meta.url));
const ALERT = '[data-testid="alert"]';
const BANNER = '[data-testid="alert-banner"]';

describe.skipIf(!existsSync(CHROMIUM_PATH))('alerts on the wall in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let wallUrl: string;

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error('dist/client is missing: run `npx vite build` (npm test does)');
    server = await startTestServer({ dataDir: tempDataDir('cw-alerts-e2e-') });
    const nowMs = Date.now();
    const outbreak = Array.from({ length: 12 }, (_, i) =>
      makeCase(
        `outbreak-${i}`,
        {
          regionCode: TIANHE,
          category: 'food',
          summary: '饭后腹泻呕吐',
          receivedAt: new Date(nowMs - (60 - i * 4) * MINUTE_MS).toISOString(),
        },
        nowMs,
      ),
    );
    expect((await server.ingest([...caseSpread(60), ...outbreak])).status).toBe(200);
    // an older, lower alert already there when the wall opens: listed, not announced
    await server.server.alerts.ingestSignals([unrelatedSignal(nowMs - MINUTE_MS)], nowMs - MINUTE_MS);
    wallUrl = `${server.baseUrl}/?token=${server.token('wall')}`;
    browser = await launchBrowser();
  });

  afterEach(async () => {
    await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists a new alert with its explanation, pulses the map at its region and announces it', async () => {
    const wall = await openWall(browser, wallUrl, { width: 1920, height: 1080 });
    await waitForWallDrawn(wall.page, 120_000);
    await wall.page.waitForSelector(ALERT);
    expect(await wall.page.locator(ALERT).count()).toBe(1);
    expect(await wall.page.isVisible(BANNER)).toBe(false);

    const nowMs = Date.now();
    const signals = [surgeSignal(nowMs), clusterSignal(nowMs)];
    await server.server.alerts.ingestSignals(signals, nowMs);
    await wall.page.waitForFunction((selector) => document.querySelectorAll(selector).length === 2, ALERT);
    // most severe first: the outbreak leads, in words
    const first = (await wall.page.locator(ALERT).first().innerText()).replace(/\s+/g, ' ');
    expect(first).toContain('高');
    expect(first).toContain('天河区');
    expect(first).toContain('3小时内 12 件，预期 1.5 件');
    expect(first).toContain('偶然出现约1年一次');
    await wall.page.waitForSelector(BANNER);
    expect(await wall.page.innerText(BANNER)).toContain('新的高级别预警');
    expect(await wall.page.locator('[data-testid="marker-alert"]').count()).toBe(2);
    await wall.screenshot('alerts-1920x1080');
    expect(wall.consoleErrors).toEqual([]);
  }, 240_000);

  // 1920x1080 again: a second 4K page drawn in software next to wall.e2e's would only measure the machine
  // (the tile at 3840x2160 was looked at with tests/e2e/shoot.ts, docs/wall.md)
  it('reads in English', async () => {
    const wall = await openWall(browser, `${wallUrl}&lang=en`, { width: 1920, height: 1080 });
    await waitForWallDrawn(wall.page, 120_000);
    await wall.page.waitForFunction((selector) => document.querySelectorAll(selector).length === 2, ALERT);
    expect(await wall.page.locator(ALERT).first().innerText()).toContain('12 cases in 3 h, 1.5 expected');
    expect(wall.consoleErrors).toEqual([]);
  }, 240_000);
});
