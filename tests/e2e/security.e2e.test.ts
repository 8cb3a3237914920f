// The built wall under its Content-Security-Policy, opened from a malformed URL, in real headless
// Chromium against the real server: it loads, connects, draws every panel and the map (MapLibre's
// worker included), and the browser reports no policy violation.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, tempDataDir, type TestServer } from '../helpers/test-server';
import { CHROMIUM_PATH, launchBrowser, openWall, waitForWallDrawn } from './browser';
import { caseSpread } from './wall-cases';

const BUILT = fileURLToPath(new URL('../../dist/client/index.html', import.meta.url));
/** Runs before the wall's scripts: records every CSP violation the page reports. */
const VIOLATION_RECORDER = `(() => {
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (e) =>
    window.__cspViolations.push(e.effectiveDirective + ' ' + e.blockedURI));
})()`;

describe.skipIf(!existsSync(CHROMIUM_PATH))('the wall under its security headers', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    if (!existsSync(BUILT)) throw new Error('dist/client is missing: run `npx vite build` (npm test does)');
    server = await startTestServer({ dataDir: tempDataDir('cw-security-e2e-') });
    expect((await server.ingest(caseSpread(40))).status).toBe(200);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads from a malformed URL, draws everything, and violates no policy', async () => {
    const url = `${server.baseUrl}/?%=&token=${server.token('wall')}&tile=%&layout=wide`;
    const wall = await openWall(browser, 'about:blank');
    try {
      await wall.page.addInitScript(VIOLATION_RECORDER);
      const response = await wall.page.goto(url, { waitUntil: 'domcontentloaded' });
      expect(response?.headers()['content-security-policy']).toContain("worker-src 'self' blob:");
      await waitForWallDrawn(wall.page, 30_000);
      expect(await wall.page.evaluate('window.__cspViolations')).toEqual([]);
      expect(wall.consoleErrors).toEqual([]);
      // the token left the address bar; the malformed parts are kept as written
      expect(new URL(wall.page.url()).search).toBe('?%=&tile=%&layout=wide');
      expect(await wall.page.evaluate(() => document.querySelector('[data-testid="panel-map"]') !== null)).toBe(true);
    } finally {
      await wall.close();
    }
  });
});
