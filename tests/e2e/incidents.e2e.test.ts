// Incidents on the built wall in real headless Chromium against the real server: one reported over
// HTTP appears as a card and a map marker within 2 seconds (the contract), changes follow, and the
// director's focus view (?focus=<id>) shows its clocks, its timeline and its cases.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { activeCalendar } from '@shared/calendar';
import type { Incident } from '@shared/incidents';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';
import { caller } from '../incidents/incident-calls';
import { CHROMIUM_PATH, launchBrowser, openWall, waitForWallDrawn } from './browser';
import { caseSpread } from './wall-cases';

const BUILT = fileURLToPath(new URL('../../dist/client/index.html', import.meta.url));
const CARD = '[data-testid="incident-card"]';

describe.skipIf(!existsSync(CHROMIUM_PATH))('incidents on the wall in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let wallUrl: string;
  const call = caller(() => server);

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error('dist/client is missing: run `npx vite build` (npm test does)');
    server = await startTestServer();
    expect((await server.ingest(caseSpread(60))).status).toBe(200);
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

  let incident: Incident;

  it('shows an incident reported over HTTP as a card and a map marker within 2 s, and follows its changes', async () => {
    const wall = await openWall(browser, wallUrl);
    // a loaded machine draws the first frame slowly (over a minute at a load average of 60 on two
    // cores); the 2 s contract starts once the wall is up
    await waitForWallDrawn(wall.page, 180_000);
    expect(await wall.page.isVisible('[data-testid="incidents-empty"]')).toBe(true);
    // the header warns while the holiday calendar lacks the current or next year (2027 with chinese-days 1.5.7)
    const missing = activeCalendar().missingYears(Date.now());
    if (missing.length > 0)
      expect(await wall.page.textContent('[data-testid="calendar-warning"]')).toContain(String(missing[0]));
    else expect(await wall.page.isVisible('[data-testid="calendar-warning"]')).toBe(false);
    // the page notes (on this machine's clock) when the card and the marker are on screen: the harness
    // itself polls late on a loaded machine, so the 2 s are measured from the page, not from its polling
    await wall.page.evaluate(
      ([card, marker]) => {
        const observer = new MutationObserver(() => {
          if (!document.querySelector(card) || !document.querySelector(marker)) return;
          (window as unknown as { __incidentSeenAtMs?: number }).__incidentSeenAtMs = Date.now();
          observer.disconnect();
        });
        observer.observe(document, { subtree: true, childList: true, attributes: true });
      },
      [`${CARD}[data-severity="II"][data-status="reported"]`, '[data-testid="marker-incident"][data-severity="II"]'],
    );
    const postedAtMs = Date.now();
    const reported = await call<Incident>('POST', '/api/v1/incidents', 'director', {
      title: '武汉江岸区学校食堂疑似集体食物中毒',
      severity: 'II',
      regionCodes: ['420102'],
      category: 'food',
      leadUnit: '武汉市市场监督管理局',
    });
    expect(reported.status).toBe(201);
    incident = reported.body;
    const seenAtMs = await wall.page.waitForFunction(
      () => (window as unknown as { __incidentSeenAtMs?: number }).__incidentSeenAtMs,
      undefined,
      { timeout: 30_000 },
    );
    expect(((await seenAtMs.jsonValue()) as number) - postedAtMs).toBeLessThanOrEqual(2_000);
    expect(await wall.page.textContent(`${CARD} [data-testid="incident-title"]`)).toBe(incident.title);
    expect(await wall.page.textContent(`${CARD} [data-testid="incident-clock"]`)).toMatch(/核实时限 剩余 0:5\d:\d\d/);

    await call('PATCH', `/api/v1/incidents/${incident.id}`, 'director', { status: 'verified', note: '现场电话核实' });
    await wall.page.waitForSelector(`${CARD}[data-status="verified"]`, { timeout: 30_000 });
    expect(await wall.page.textContent(`${CARD} [data-testid="incident-clock"]`)).toMatch(/到场时限 剩余 1:5\d:\d\d/);
    await wall.screenshot('incidents-1920x1080');
    expect(wall.consoleErrors).toEqual([]);
    await wall.close();
  }, 240_000);

  it("opens a director's focus view on the incident: its scope, clocks, timeline and cases", async () => {
    expect(
      (
        await server.ingest([
          makeCase('e2e-focus-case', { regionCode: '420102', category: 'food', summary: '食堂就餐后腹泻' }),
        ])
      ).status,
    ).toBe(200);
    const wall = await openWall(browser, `${wallUrl}&mode=director&focus=${incident.id}`);
    await wall.page.waitForSelector('[data-testid="focus-view"]', { timeout: 120_000 });
    await wall.page.waitForSelector('[data-testid="map"][data-drawn="true"]', { timeout: 120_000 });
    expect(await wall.page.textContent('[data-testid="scope-name"]')).toContain('武汉市');
    await wall.page.waitForSelector('[data-testid="focus-case"]', { timeout: 30_000 });
    expect(await wall.page.textContent('[data-testid="focus-timeline"]')).toContain('现场电话核实');
    expect(await wall.page.locator('[data-testid="focus-clocks"] li').count()).toBe(3);
    await call('PATCH', `/api/v1/incidents/${incident.id}`, 'director', {
      status: 'responding',
      note: '已派员赶赴现场',
    });
    await wall.page.waitForFunction(
      () => document.querySelector('[data-testid="focus-timeline"]')?.textContent?.includes('已派员赶赴现场'),
      undefined,
      { timeout: 30_000 },
    );
    await wall.screenshot('incident-focus-1920x1080');
    expect(wall.consoleErrors).toEqual([]);
    await wall.close();
  }, 300_000);
});
