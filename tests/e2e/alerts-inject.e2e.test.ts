// SIM_INJECT=food-poisoning end to end, in real headless Chromium: the demo simulator starts the
// incident on a real server whose detector jobs run on their own schedule, its cases go through the
// HTTP ingest into the rollups, the surge job finds them, the alerts domain opens an alert and the
// wall lists it with its explanation, within one detection cycle of the incident taking off (the
// store holding the minimum count a surge is judged on).
// The baselines' history (9 weeks and a day) is written straight into the hourly rollup
// (tests/alerts/background-history.ts says why); the ordinary flow is thinned (SIM_RATE) so that in
// the few minutes of the test no ordinary cell reaches a surge's minimum count against no history.
import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getRegion, provinceCodeOf } from '@shared/regions';
import { loadSimulatorConfig } from '@simulator/config';
import { runDemo, type StopDemo } from '@simulator/demo';
import { SURGE_MIN_COUNT } from '../../server/alerts/detectors/surge-detector';
import { DETECTOR_JOBS } from '../../server/alerts/detectors/register-detectors';
import { createLogger } from '../../server/ops/logger';
import { regionLabel } from '../../client/map/labels';
import { startTestServer, tempDataDir, type TestServer } from '../helpers/test-server';
import { insertBackground } from '../alerts/background-history';
import { CHROMIUM_PATH, launchBrowser, openWall, waitForWallDrawn, type WallPage } from './browser';
import { caseSpread } from './wall-cases';

const BUILT = fileURLToPath(new URL('../../dist/client/index.html', import.meta.url));
const ALERT = '[data-testid="alert"]';
/** the surge job's period: one detection cycle */
const CYCLE_MS = DETECTOR_JOBS.find(([name]) => name === 'surge-detector')![1];
/** on a loaded two-core machine a cycle's reads, the intake and the wall's push take their time too */
const SLACK_MS = 45_000;

interface Injected {
  key: string;
  city: string;
  cases: number;
}

describe.skipIf(!existsSync(CHROMIUM_PATH))('SIM_INJECT=food-poisoning on the wall in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let wall: WallPage;
  let stopDemo: StopDemo | undefined;
  const injected: Injected[] = [];

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error('dist/client is missing: run `npx vite build` (npm test does)');
    server = await startTestServer({ dataDir: tempDataDir('cw-inject-e2e-') });
    const nowMs = Date.now();
    // cases in every panel; each of their county x category cells gets a history of its own usual mean
    const spread = caseSpread(60, nowMs);
    const cells = new Set(spread.map((c) => `${c.regionCode}:${c.category}`));
    const background = [...cells].map((cell) => {
      const [regionCode, category] = cell.split(':');
      return { regionCode, category, casesPerDay: 40 };
    });
    await insertBackground(server.server.clickhouse, background, nowMs, { weeks: 10 });
    expect((await server.ingest(spread)).status).toBe(200);
    browser = await launchBrowser();
    wall = await openWall(browser, `${server.baseUrl}/?token=${server.token('wall')}`, { width: 1920, height: 1080 });
    await waitForWallDrawn(wall.page, 120_000);
  }, 240_000);

  afterAll(async () => {
    await stopDemo?.();
    await browser?.close();
    await server?.stop();
  });

  /** Cases of the incident the store holds (its case ids carry its key). */
  async function storedCases(key: string): Promise<number> {
    const rows = await server.server.clickhouse.query<{ n: number | string }>(
      'e2e:incident-cases',
      'SELECT count() AS n FROM case_heads FINAL WHERE position(id, {key:String}) > 0',
      { key: `-X${key}-` },
    );
    return Number(rows[0].n);
  }

  it('shows the new alert with its explanation within one detection cycle of the incident taking off', async () => {
    const alertsBefore = await wall.page.locator(ALERT).allInnerTexts();
    // the demo's own logger, so the test learns the incident it planned (key, city) as an operator would
    const logLines = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) {
          const entry = JSON.parse(line) as { msg: string } & Injected;
          if (entry.msg === 'simulator: incident injected') injected.push(entry);
        }
        done();
      },
    });
    const simulator = loadSimulatorConfig({ SIM_INJECT: 'food-poisoning', SIM_SPEED: '20', SIM_RATE: '0.01' });
    stopDemo = await runDemo({
      server: { ...server.server, logger: createLogger('info', logLines) },
      simulator,
      baseUrl: server.baseUrl,
      days: 0,
      firstDayTimeoutMs: 1000,
    });
    expect(injected).toHaveLength(1);
    const { key, city } = injected[0];
    // as the wall writes it where space is short (湖北, not 湖北省)
    const province = regionLabel(getRegion(provinceCodeOf(city))!, 'zh');

    // taking off: the store holds the minimum count a surge is judged on
    const deadline = Date.now() + 10 * 60_000;
    while (Date.now() < deadline && (await storedCases(key)) < SURGE_MIN_COUNT) await wall.page.waitForTimeout(500);
    const takeOffMs = Date.now();
    expect(await storedCases(key)).toBeGreaterThanOrEqual(SURGE_MIN_COUNT);

    const handle = await wall.page
      .waitForFunction(
        ({ selector, province, before }) =>
          [...document.querySelectorAll<HTMLElement>(selector)]
            .map((el) => el.innerText.replace(/\s+/g, ' '))
            .find((text) => text.includes(province) && !before.includes(text)),
        { selector: ALERT, province, before: alertsBefore.map((t) => t.replace(/\s+/g, ' ')) },
        { timeout: CYCLE_MS + SLACK_MS + 60_000, polling: 250 },
      )
      .catch(async (error: Error) => {
        const alerts = server.server.alerts.repository.list({ status: 'all' });
        console.log({
          key,
          city,
          province,
          stored: await storedCases(key),
          onWall: await wall.page.locator(ALERT).allInnerTexts(),
          alerts: alerts.map((a) => a.title),
        });
        throw error;
      });
    const shownMs = Date.now();
    const text = (await handle.jsonValue()) as string;
    console.log(
      `incident ${key} in ${city}: shown ${((shownMs - takeOffMs) / 1000).toFixed(1)} s after taking off (${await storedCases(key)} cases stored): ${text}`,
    );
    expect(shownMs - takeOffMs).toBeLessThanOrEqual(CYCLE_MS + SLACK_MS);
    // its explanation: where, observed against expected, which detectors and how rare
    expect(text).toMatch(/内 \d+ 件，预期 \d/);
    expect(text).toMatch(/(激增|商家集中|空间聚集|新热词).*检测.*偶然出现约/);
    await wall.screenshot('alerts-inject-1920x1080');
    expect(wall.consoleErrors).toEqual([]);
  }, 600_000);
});
