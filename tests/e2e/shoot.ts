// Screenshots of a running wall for a person to look at: npx tsx tests/e2e/shoot.ts <url> [name] [WxH ...]
import { launchBrowser, openWall, waitForWallDrawn } from './browser';

const [url, name = 'wall', ...sizes] = process.argv.slice(2);
const viewports = (sizes.length ? sizes : ['1920x1080', '3840x2160']).map((s) => s.split('x').map(Number));
const browser = await launchBrowser();
try {
  for (const [width, height] of viewports) {
    const wall = await openWall(browser, url, { width, height });
    await waitForWallDrawn(wall.page).catch((error: Error) =>
      console.log(`not fully drawn: ${error.message.split('\n')[0]}`),
    );
    await wall.page.waitForTimeout(Number(process.env.SETTLE_MS ?? 2500));
    console.log(await wall.screenshot(`${name}-${width}x${height}`));
    // CLIP=x,y,w,h also saves that region at full resolution, to judge sharpness.
    if (process.env.CLIP) {
      const [x, y, w, h] = process.env.CLIP.split(',').map(Number);
      const path = `${name}-${width}x${height}-clip.png`;
      await wall.page.screenshot({ path: `tests/e2e/screenshots/${path}`, clip: { x, y, width: w, height: h } });
    }
    if (wall.consoleErrors.length) console.log('console errors:', wall.consoleErrors);
    await wall.close();
  }
} finally {
  await browser.close();
}
