// "Today" starts at midnight in Asia/Shanghai whatever the server's zone: the server runs on a clock
// pinned just before a CST midnight, then moved just past it, and the wall's counts follow the day.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DAY_MS, cstMidnight } from '@shared/time';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';
import { connectWall, mergedState, type WallClient } from './wall-client';

/** A flowing clock that the test can move: the server's notion of now, offset from the real one. */
const clock = { offsetMs: 0, now: () => Date.now() + clock.offsetMs };
const midnight = cstMidnight(Date.now()) + DAY_MS;
let ts: TestServer;
let client: WallClient;

beforeAll(async () => {
  clock.offsetMs = midnight - 20_000 - Date.now(); // 23:59:40 CST
  ts = await startTestServer({ tickMs: 200 }, clock);
});
afterAll(async () => {
  client?.close();
  await ts.stop();
});

it('counts the cases of the CST day until midnight, and only the new day after it', async () => {
  const at = (ms: number, id: string) => makeCase(id, { regionCode: '420102' }, ms);
  const cases = [
    at(midnight - DAY_MS + 20_000, 'EARLY'), // 00:00:20 of the ending day
    at(midnight - 600_000, 'E-1'),
    at(midnight - 600_000, 'E-2'),
    at(midnight - 600_000, 'E-3'),
    at(midnight - 1, 'LAST'), // 23:59:59.999
    at(midnight, 'MIDNIGHT'), // 00:00:00.000 belongs to the new day
    at(midnight + 30_000, 'N-1'),
    at(midnight + 30_000, 'N-2'),
  ];
  expect((await ts.ingest(cases)).body.accepted).toBe(cases.length);

  client = connectWall(ts.baseUrl, { token: ts.token('wall') });
  await client.subscribe('420000');
  const before = await client.waitFor((p) => p.event === 'wall:snapshot', 'snapshot before midnight');
  const kpis = before.panels.kpis!;
  expect(kpis.today.total).toBe(5); // EARLY, E-1..3, LAST; the new day's cases are not yet due
  expect(kpis.lastHour).toBe(4);
  expect(kpis.sameTimeYesterday.total).toBe(0);
  expect(before.panels.regions!.find((r) => r.code === '420100')?.today).toBe(5);
  const volume = before.event === 'wall:snapshot' ? before.panels.volume : undefined;
  expect(volume?.current.reduce((a, b) => a + b, 0)).toBe(5);

  clock.offsetMs = midnight + 60_000 - Date.now(); // 00:01:00 CST, the next day
  const after = await client.waitFor((p) => p.panels.kpis?.today.total === 3, 'the first tick of the new day');
  expect(Date.parse(after.asOf)).toBeGreaterThanOrEqual(midnight);
  expect(after.panels.kpis!.lastHour).toBe(7);
  const state = mergedState(client.payloads.filter((p) => p.seq <= after.seq))!;
  expect(state.seq).toBe(after.seq);
  expect(state.panels.regions.find((r) => r.code === '420100')?.today).toBe(3);
  expect(state.panels.volume.current.reduce((a, b) => a + b, 0)).toBe(7); // EARLY left the 24-hour window
  // yesterday up to the same minute: EARLY (refreshed with the slow panels, so wait for it)
  const compared = await client.waitFor(
    (p) => p.seq >= after.seq && p.panels.kpis?.sameTimeYesterday.total === 1,
    'same time yesterday',
  );
  expect(compared.panels.kpis!.today.total).toBe(3);
  expect(compared.panels.kpis!.sameTimeLastWeek.total).toBe(0);
});
