// Where a long-running wall's JS heap grows: two heap snapshots of one wall page, taken minutes apart
// against the demo server, compared by constructor (count and self size). Not part of `npm run bench`;
// run it when the soak's heap figure moves:
//   npx tsx bench/heap-diff.ts [firstMinute=3] [secondMinute=23]
// Prints the constructors that grew most and saves both snapshots under the scratch directory, for
// Chromium's DevTools memory tab.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, openWall, waitForWallDrawn } from '../tests/e2e/browser';
import { startDemo, stopDemo } from './wall-bench';

interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

/** count and self size per "type:name" for one snapshot */
export function byConstructor(snapshot: HeapSnapshot): Map<string, { count: number; bytes: number }> {
  const fields = snapshot.snapshot.meta.node_fields;
  const types = snapshot.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const totals = new Map<string, { count: number; bytes: number }>();
  for (let i = 0; i < snapshot.nodes.length; i += width) {
    const type = types[snapshot.nodes[i + typeAt]];
    let name = snapshot.strings[snapshot.nodes[i + nameAt]];
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') name = '(string)';
    else if (type === 'code') name = '(code)';
    else if (name.length > 60) name = name.slice(0, 60) + '…';
    const key = `${type}:${name}`;
    const total = totals.get(key) ?? { count: 0, bytes: 0 };
    total.count += 1;
    total.bytes += snapshot.nodes[i + sizeAt];
    totals.set(key, total);
  }
  return totals;
}

async function main(): Promise<void> {
  const [first, second] = [Number(process.argv[2] ?? 3), Number(process.argv[3] ?? 23)];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cw-heap-'));
  const demo = await startDemo(scratch, Number(process.env.WALL_BENCH_SIM_SPEED ?? 10), 2);
  const browser = await launchBrowser();
  try {
    const wall = await openWall(browser, demo.url);
    await waitForWallDrawn(wall.page, 60_000);
    const cdp = await wall.page.context().newCDPSession(wall.page);
    const started = Date.now();
    const snapshots: HeapSnapshot[] = [];
    for (const minute of [first, second]) {
      const wait = started + minute * 60_000 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await cdp.send('HeapProfiler.collectGarbage');
      const chunks: string[] = [];
      const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
      cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
      const file = path.join(scratch, `minute-${minute}.heapsnapshot`);
      fs.writeFileSync(file, chunks.join(''));
      snapshots.push(JSON.parse(chunks.join('')) as HeapSnapshot);
      console.log(`snapshot at minute ${minute}: ${file}`);
    }
    const [before, after] = snapshots.map(byConstructor);
    const rows = [...after.entries()]
      .map(([key, a]) => {
        const b = before.get(key) ?? { count: 0, bytes: 0 };
        return { key, countChange: a.count - b.count, bytesChange: a.bytes - b.bytes, count: a.count, bytes: a.bytes };
      })
      .sort((x, y) => y.bytesChange - x.bytesChange);
    const total = (m: Map<string, { bytes: number }>) => [...m.values()].reduce((sum, t) => sum + t.bytes, 0);
    console.log(
      `self size total: ${(total(before) / 2 ** 20).toFixed(2)} → ${(total(after) / 2 ** 20).toFixed(2)} MiB`,
    );
    console.log('| constructor | count change | bytes change | count | bytes |\n| --- | --- | --- | --- | --- |');
    for (const row of rows.slice(0, 40)) {
      console.log(`| ${row.key} | ${row.countChange} | ${row.bytesChange} | ${row.count} | ${row.bytes} |`);
    }
  } finally {
    await browser.close();
    await stopDemo(demo);
  }
}

if (process.argv[1] === import.meta.filename) await main();
