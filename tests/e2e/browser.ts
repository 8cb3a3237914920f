// Real headless Chromium for the wall's end-to-end tests: Debian's chromium driven by playwright-core
// (no browser download). Collects console errors and page errors so a test can assert there are none,
// and saves screenshots under tests/e2e/screenshots/ (ignored by git).
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TILE_IDS } from '@shared/panels';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const SCREENSHOT_DIR = fileURLToPath(new URL('./screenshots/', import.meta.url));

export interface WallPage {
  page: Page;
  /** console.error messages and uncaught page errors, in order */
  consoleErrors: string[];
  /** Saves tests/e2e/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** the map once it shows the scope's regions in the data's colours */
const MAP_DRAWN = '[data-testid="map"][data-drawn="true"] canvas';
const PANELS = '[data-testid^="panel-"]';
/** every tile of the registry (the map's included) */
const PANEL_COUNT = TILE_IDS.length;

/**
 * Runs in the page before its own scripts and notes, on the page's clock (ms since navigation
 * started), when the wall is first fully drawn (the map shows the scope in the data's colours and
 * every panel has data) and when the frame after that has been produced. Read with `drawnTiming`.
 * The harness's own polling sees the same moment later when the page is busy, so timings come from here.
 */
export const DRAWN_RECORDER = `(() => {
  const timing = (window.__wallDrawn = { drawnMs: null, paintedMs: null });
  const isDrawn = () => {
    if (!document.querySelector(${JSON.stringify(MAP_DRAWN)})) return false;
    const panels = document.querySelectorAll(${JSON.stringify(PANELS)});
    return panels.length >= ${PANEL_COUNT} && [...panels].every((p) => p.getAttribute('data-has-data') === 'true');
  };
  const observer = new MutationObserver(() => {
    if (timing.drawnMs !== null || !isDrawn()) return;
    timing.drawnMs = Math.round(performance.now());
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (timing.paintedMs = Math.round(performance.now()))));
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-has-data', 'data-drawn'] });
})();`;

export interface DrawnTiming {
  /** when the last panel got its data or the map its colours */
  drawnMs: number | null;
  /** when the frame showing it had been produced */
  paintedMs: number | null;
}

export async function drawnTiming(page: Page): Promise<DrawnTiming> {
  await page.waitForFunction(() => (window as unknown as { __wallDrawn: DrawnTiming }).__wallDrawn.paintedMs !== null);
  return page.evaluate(() => (window as unknown as { __wallDrawn: DrawnTiming }).__wallDrawn);
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
}

export async function openWall(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number } = { width: 1920, height: 1080 },
): Promise<WallPage> {
  // deviceScaleFactor 1: a 3840x2160 wall is laid out at 3840x2160 CSS px, as a real 4K wall at 100%.
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  await context.addInitScript(DRAWN_RECORDER);
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  return {
    page,
    consoleErrors,
    async screenshot(name: string) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = `${SCREENSHOT_DIR}${name}.png`;
      await page.screenshot({ path });
      return path;
    },
    close: () => context.close(),
  };
}

/**
 * Resolves once every panel has data and the map has drawn its regions in the data's colours; with
 * `fresh` (the default) also none of them may be stale.
 */
export async function waitForWallDrawn(page: Page, timeoutMs = 30_000, fresh = true): Promise<void> {
  await page.waitForSelector(MAP_DRAWN, { timeout: timeoutMs });
  await page.waitForFunction(
    ({ attribute, selector, count }) => {
      const panels = [...document.querySelectorAll(selector)];
      const wanted = attribute === 'data-stale' ? 'false' : 'true';
      return panels.length >= count && panels.every((panel) => panel.getAttribute(attribute) === wanted);
    },
    { attribute: fresh ? 'data-stale' : 'data-has-data', selector: PANELS, count: PANEL_COUNT },
    { timeout: timeoutMs },
  );
}
