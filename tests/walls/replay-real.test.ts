// End to end with the real past (server/replay/createPanelsAtSource): a wall group frozen at several
// moments, and replayed at 3,600x, shows exactly what was stored up to each moment: today's total as
// /api/v1/stats counts the window from China midnight to the moment, and the open cases as counting
// each case's newest version at or before it in case_versions. Versions stored after a moment change
// nothing there. Two tiles of the group see the same moments in the same order.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { CaseInput } from '@shared/case-schema';
import { TERMINAL_STATUSES, type Status } from '@shared/codes';
import { HOUR_MS, MINUTE_MS, cstMidnight } from '@shared/time';
import { callApi, makeCase, startTestServer, type TestServer } from '../helpers/test-server';
import type { Payload, WallClient } from '../live/wall-client';
import { tile } from './wall-tiles';

// a real step may take longer than a short tick on a loaded machine: then it skips moments (by design)
const TICK_MS = 1_000;
const nowMs = Date.now();
const scope = 'national';
const REGIONS = ['420102', '420106', '310101', '440305'];
const LATER: Status[] = ['accepted', 'resolved', 'closed', 'rejected'];
let ts: TestServer;
const clients: WallClient[] = [];
const iso = (ms: number) => new Date(ms).toISOString();

/** 240 cases over the last five hours, every third closed or moved on an hour or two later */
function history(): CaseInput[][] {
  const first: CaseInput[] = [];
  const later: CaseInput[] = [];
  for (let i = 0; i < 240; i += 1) {
    const receivedMs = nowMs - 5 * HOUR_MS + i * 73_000;
    const c = makeCase(`RR-${i}`, { receivedAt: iso(receivedMs), regionCode: REGIONS[i % REGIONS.length] });
    first.push(c);
    const updatedMs = receivedMs + (1 + (i % 2)) * HOUR_MS + 17_000;
    if (i % 3 === 0 && updatedMs < nowMs - MINUTE_MS)
      later.push({ ...c, updatedAt: iso(updatedMs), status: LATER[i % LATER.length] });
  }
  return [first, later];
}

beforeAll(async () => {
  ts = await startTestServer({ tickMs: TICK_MS });
  for (const round of history()) expect((await ts.ingest(round)).body.accepted).toBe(round.length);
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await ts.stop();
});

async function statsTotal(fromMs: number, toMs: number): Promise<number> {
  const reply = await callApi(ts, 'GET', `/api/v1/stats?scope=${scope}&from=${iso(fromMs)}&to=${iso(toMs)}`, 'wall');
  expect(reply.status).toBe(200);
  return reply.body.total as number;
}

/** Open cases at atMs: each case's newest version at or before it, not in a terminal status. */
async function openAt(atMs: number): Promise<number> {
  const [row] = await ts.server.clickhouse.query<{ open: number }>(
    'test',
    `SELECT countIf(NOT has({terminal:Array(String)}, status)) AS open FROM (
       SELECT id, argMax(status, version_at) AS status FROM case_versions FINAL
       WHERE version_at <= fromUnixTimestamp64Milli({at:Int64}) GROUP BY id)`,
    { at: atMs, terminal: [...TERMINAL_STATUSES] },
  );
  return row.open;
}

/** Each moment shown with today's total and the open count as the tile holds them then. */
function shownKpis(payloads: Payload[]): Array<{ asOf: string; today: number; open: number }> {
  const shown: Array<{ asOf: string; today: number; open: number }> = [];
  let kpis: { today: number; open: number } | undefined;
  for (const p of payloads) {
    if (p.mode === undefined) continue;
    if (p.panels.kpis) kpis = { today: p.panels.kpis.today.total, open: p.panels.kpis.open };
    if (kpis && shown.at(-1)?.asOf !== p.asOf) shown.push({ asOf: p.asOf, ...kpis });
  }
  return shown;
}

it('frozen at several moments, shows exactly what was stored up to each', async () => {
  const a = tile(ts, clients);
  await a.join(scope, 'meeting');
  for (const atMs of [nowMs - 4 * HOUR_MS + 5_000, nowMs - 2 * HOUR_MS - 31_000, nowMs - 20 * MINUTE_MS]) {
    const reply = await callApi(ts, 'POST', '/api/v1/walls/meeting/freeze', 'director', { at: iso(atMs) });
    expect(reply.status).toBe(200);
    const snapshot = await a.waitFor(
      (p) =>
        p.event === 'wall:snapshot' &&
        p.mode === 'frozen' &&
        Date.parse(p.asOf) <= atMs &&
        Date.parse(p.asOf) > atMs - MINUTE_MS,
      `the wall frozen at ${iso(atMs)}`,
    );
    const asOfMs = Date.parse(snapshot.asOf);
    expect(snapshot.panels.kpis!.today.total).toBe(await statsTotal(cstMidnight(asOfMs), asOfMs + 1));
    expect(snapshot.panels.kpis!.open).toBe(await openAt(asOfMs));
  }
});

it('replayed at 3,600x, every moment on a whole minute shows what was stored up to it, on every tile', async () => {
  const [a, b] = [tile(ts, clients), tile(ts, clients)];
  await a.join(scope, 'replay-room');
  await b.join(scope, 'replay-room');
  const from = nowMs - 5 * HOUR_MS;
  const to = nowMs - 30 * MINUTE_MS;
  const reply = await callApi(ts, 'POST', '/api/v1/walls/replay-room/replay', 'director', {
    from: iso(from),
    to: iso(to),
    speed: 3_600,
  });
  expect(reply.status).toBe(200);
  // the clock reaches `to` first; its moment is on screen once the last step is computed (a step
  // slower than the tick, on a loaded machine, is skipped rather than stacked)
  const end = iso(Math.floor(to / MINUTE_MS) * MINUTE_MS);
  await a.waitFor((p) => p.replay?.paused === true && p.asOf === end, 'the end of the replay');
  await b.waitFor((p) => p.replay?.paused === true && p.asOf === end, 'the end on b');
  const shown = shownKpis(a.payloads);
  expect(shownKpis(b.payloads)).toEqual(shown);
  expect(shown.length).toBeGreaterThanOrEqual(2);
  expect(shown.at(-1)!.asOf).toBe(end);
  expect(shown.every((s) => Date.parse(s.asOf) % MINUTE_MS === 0)).toBe(true);
  // the counts moved as the history did
  expect(new Set(shown.map((s) => s.open)).size).toBeGreaterThanOrEqual(2);
  for (const s of shown) {
    const asOfMs = Date.parse(s.asOf);
    expect(s.today, s.asOf).toBe(await statsTotal(cstMidnight(asOfMs), asOfMs + 1));
    expect(s.open, s.asOf).toBe(await openAt(asOfMs));
  }
});
