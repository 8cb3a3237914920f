// A meeting room's frozen wall survives a restart of the server: the group's mode is folded back from
// its log, and a tile that reconnects is shown the same moment. A replay left paused stays paused
// at its moment; one left playing goes on from where its clock says it is.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { MINUTE_MS } from '@shared/time';
import type { WallGroupState } from '@shared/wall-modes';
import { callApi, startTestServer, type TestServer } from '../helpers/test-server';
import type { WallClient } from '../live/wall-client';
import { minuteMark, testSource, tile, type TestSource } from './wall-tiles';

const scope = '420100'; // Wuhan
let ts: TestServer;
let source: TestSource;
const clients: WallClient[] = [];
const iso = (ms: number) => new Date(ms).toISOString();
const minuteAgo = (minutes: number) => Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - minutes * MINUTE_MS;

beforeAll(async () => {
  source = testSource(Date.now());
  ts = await startTestServer({ tickMs: 250 }, undefined, { panelsAt: source });
  const live = tile(ts, clients);
  await live.join(scope);
  source.template = (await live.waitFor((p) => p.event === 'wall:snapshot', 'a live snapshot')).panels as never;
  live.close();
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await ts.stop();
});

it('keeps a frozen group frozen, and a paused replay paused, across a restart', async () => {
  const frozenAt = minuteAgo(45) + 5_000;
  const director = (path: string, body?: unknown) => callApi(ts, 'POST', `/api/v1/walls/${path}`, 'director', body);
  expect((await director('region-420100/freeze', { at: iso(frozenAt) })).status).toBe(200);
  const replay = await director('briefing-2/replay', {
    scope,
    from: iso(minuteAgo(300)),
    to: iso(minuteAgo(100)),
    speed: 3_600,
  });
  expect(replay.status).toBe(200);
  const paused = (await director('briefing-2/pause')).body as unknown as WallGroupState;

  await ts.stop();
  ts = await startTestServer({ dataDir: ts.dataDir, tickMs: 250 }, undefined, { panelsAt: source });

  expect((await callApi(ts, 'GET', '/api/v1/walls/region-420100', 'wall')).body).toEqual({
    id: 'region-420100',
    mode: 'frozen',
    scope,
    frozenAt: iso(frozenAt),
  });
  expect((await callApi(ts, 'GET', '/api/v1/walls/briefing-2', 'wall')).body).toEqual(paused);
  // a tile of the scope's default group (no wall id) reconnects: the frozen moment, not live
  const back = tile(ts, clients);
  await back.join(scope);
  const snapshot = await back.waitFor((p) => p.event === 'wall:snapshot', 'a snapshot');
  expect(snapshot).toMatchObject({ mode: 'frozen', wall: 'region-420100', asOf: iso(frozenAt) });
  expect(snapshot.panels.kpis!.lastHour).toBe(minuteMark(frozenAt));
  const replayTile = tile(ts, clients);
  await replayTile.join(scope, 'briefing-2');
  const replaying = await replayTile.waitFor((p) => p.event === 'wall:snapshot', 'the replay snapshot');
  expect(replaying).toMatchObject({ mode: 'replay', asOf: paused.replay!.at, replay: paused.replay });
});

it('goes on with a replay left playing from where its clock says it is after a restart', async () => {
  const from = minuteAgo(600);
  const reply = await callApi(ts, 'POST', '/api/v1/walls/briefing-3/replay', 'director', {
    scope,
    from: iso(from),
    to: iso(minuteAgo(60)),
    speed: 240, // a minute of history per 250 ms tick
  });
  expect(reply.status).toBe(200);
  await ts.stop();
  ts = await startTestServer({ dataDir: ts.dataDir, tickMs: 250 }, undefined, { panelsAt: source });
  const state = (await callApi(ts, 'GET', '/api/v1/walls/briefing-3', 'wall')).body as unknown as WallGroupState;
  // the restart took seconds of wall time: as many minutes of history went by, none were lost
  const movedMs = Date.parse(state.replay!.at) - from;
  expect(state.replay!.paused).toBe(false);
  expect(movedMs).toBeGreaterThan(0);
  expect(movedMs % MINUTE_MS).toBe(0);
  const t = tile(ts, clients);
  await t.join(scope, 'briefing-3');
  const first = await t.waitFor((p) => p.mode === 'replay', 'the replay');
  await t.waitFor((p) => Date.parse(p.asOf) >= Date.parse(first.asOf) + 3 * MINUTE_MS, 'moving on');
});
