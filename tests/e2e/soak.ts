// Watches a running wall's JS heap and DOM node count over time (after a forced GC each sample), to
// check that memory stays flat: npx tsx tests/e2e/soak.ts <url> [minutes] [sampleSeconds]
import { launchBrowser, openWall, waitForWallDrawn } from './browser';

const [url, minutes = '3', sampleSeconds = '30'] = process.argv.slice(2);
const browser = await launchBrowser();
try {
  const wall = await openWall(browser, url);
  await waitForWallDrawn(wall.page, 30_000);
  const cdp = await wall.page.context().newCDPSession(wall.page);
  await cdp.send('Performance.enable');
  const started = Date.now();
  while (Date.now() - started < Number(minutes) * 60_000) {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
    const elapsed = Math.round((Date.now() - started) / 1000);
    console.log(
      `${elapsed}s heap=${(metric('JSHeapUsedSize') / 1024 ** 2).toFixed(1)}MiB nodes=${metric('Nodes')} listeners=${metric('JSEventListeners')}`,
    );
    await wall.page.waitForTimeout(Number(sampleSeconds) * 1000);
  }
  console.log('console errors:', wall.consoleErrors);
} finally {
  await browser.close();
}
