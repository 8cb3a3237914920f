// Wall groups driven through the API with real sockets: freeze, replay, pause, seek, play and back to
// live; every tile of a group on one clock; a reloaded tile rejoins the mode; roles and 400s. The
// past comes from a source written in the test (wall-tiles.ts) until the real one is on main.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@shared/time';
import type { WallGroupState } from '@shared/wall-modes';
import { callApi, startTestServer, type TestServer } from '../helpers/test-server';
import { metricValue, type Payload, type WallClient } from '../live/wall-client';
import { minuteMark, testSource, tile, type TestSource } from './wall-tiles';

const TICK_MS = 250;
const scope = '440300'; // Shenzhen
let ts: TestServer;
let source: TestSource;
const clients: WallClient[] = [];

beforeAll(async () => {
  source = testSource(Date.now());
  ts = await startTestServer({ tickMs: TICK_MS }, undefined, { panelsAt: source });
  // the parts every past moment is built on: what the live wall shows now
  const live = tile(ts, clients);
  await live.join(scope);
  source.template = (await live.waitFor((p) => p.event === 'wall:snapshot', 'a live snapshot')).panels as never;
  live.close();
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await ts.stop();
});

const post = (path: string, body?: unknown, role: 'director' | 'admin' | 'operator' | 'wall' = 'director') =>
  callApi(ts, 'POST', `/api/v1/walls/${path}`, role, body);
const iso = (ms: number) => new Date(ms).toISOString();
const minuteAgo = (minutes: number) => Math.floor(Date.now() / MINUTE_MS) * MINUTE_MS - minutes * MINUTE_MS;
const after = (client: WallClient, count: number) => client.payloads.slice(count);

describe('roles and bad requests', () => {
  it('lets wall and above read a group, only director and admin change it', async () => {
    expect(await callApi(ts, 'GET', '/api/v1/walls/national', 'wall')).toEqual({
      status: 200,
      body: { id: 'national', mode: 'live', scope: 'national' },
    });
    expect((await callApi(ts, 'GET', '/api/v1/walls/national', undefined)).status).toBe(401);
    expect((await callApi(ts, 'GET', '/api/v1/walls/national', 'ingest')).status).toBe(403);
    expect((await post('national/freeze', {}, 'operator')).status).toBe(403);
    expect((await post('national/freeze', {}, 'wall')).status).toBe(403);
    expect((await callApi(ts, 'GET', '/api/v1/walls/meeting-7', 'wall')).status).toBe(404);
  });

  it('answers 400 with the reason for a bad id, body, speed or period', async () => {
    const from = iso(minuteAgo(120));
    const to = iso(minuteAgo(60));
    const cases: Array<[string, unknown, RegExp]> = [
      ['bad%20id/freeze', {}, /wall id/],
      ['region-440300/replay', { from, to, speed: 30 }, /60x to 3600x/],
      ['region-440300/replay', { from, to, speed: 7_200 }, /60x to 3600x/],
      ['region-440300/replay', { from: to, to: from, speed: 60 }, /from must be before to/],
      ['region-440300/replay', { from, to, speed: 60, colour: 'red' }, /colour/],
      ['region-440300/replay', { from: 'yesterday', to, speed: 60 }, /ISO 8601/],
      ['region-440300/replay', { from: iso(Date.now() - 5 * 86_400_000), to, speed: 60 }, /stored history runs from/],
      ['region-440300/freeze', { at: iso(Date.now() + 3_600_000) }, /stored history runs from/],
      ['region-440300/replay', '{"from":', /not valid JSON/],
    ];
    for (const [path, body, reason] of cases) {
      const reply = await post(path, body);
      expect(reply.status, path).toBe(400);
      expect(String(reply.body.error), JSON.stringify(body)).toMatch(reason);
    }
    // the socket says the same of a bad id
    expect(await tile(ts, clients).join(scope, 'no spaces')).toEqual({
      ok: false,
      error: 'invalid-request',
      detail: { field: 'wall' },
    });
    // pause, play and seek need a replay
    expect((await post('region-440300/pause')).status).toBe(409);
    expect((await post('no-tiles-yet/freeze', {})).status).toBe(404);
  });
});

describe('frozen', () => {
  it('shows every tile of the group the same moment, marked frozen, and leaves other groups live', async () => {
    const [a, b, other] = [tile(ts, clients), tile(ts, clients), tile(ts, clients)];
    await a.join(scope, 'room-a');
    await b.join(scope, 'room-a');
    await other.join(scope); // the scope's default group
    await a.waitFor((p) => p.event === 'wall:snapshot' && p.mode === undefined, 'live at first');
    const at = minuteAgo(90) + 17_000;
    const reply = await post('room-a/freeze', { at: iso(at) });
    expect(reply).toEqual({ status: 200, body: { id: 'room-a', mode: 'frozen', scope, frozenAt: iso(at) } });
    const isFrozen = (p: Payload) => p.event === 'wall:snapshot' && p.mode === 'frozen';
    const [fa, fb] = [await a.waitFor(isFrozen, 'a frozen'), await b.waitFor(isFrozen, 'b frozen')];
    expect(fa.asOf).toBe(iso(at));
    expect(fb.asOf).toBe(fa.asOf);
    expect(fa.wall).toBe('room-a');
    expect(fa.panels.kpis!.lastHour).toBe(minuteMark(at));
    // no live payload reaches a frozen tile any more, only the same moment once a tick (a still wall
    // is not a dead connection), while the other group's tile stays live
    const seen = a.payloads.length;
    const otherSeen = other.payloads.length;
    await other.waitFor((p) => p.seq > other.payloads[otherSeen - 1].seq + 3, 'a few live ticks');
    const since = after(a, seen);
    expect(since.length).toBeGreaterThanOrEqual(2);
    expect(since.every((p) => p.mode === 'frozen' && p.asOf === iso(at))).toBe(true);
    expect(since.every((p) => p.event === 'wall:snapshot' || Object.keys(p.panels).length === 0)).toBe(true);
    expect(after(other, otherSeen).every((p) => p.mode === undefined)).toBe(true);
    expect((await callApi(ts, 'GET', '/api/v1/walls/room-a', 'wall')).body).toMatchObject({ mode: 'frozen' });
  });

  it('brings a reloaded tile back to the frozen moment', async () => {
    const reloaded = tile(ts, clients);
    await reloaded.join(scope, 'room-a');
    const snapshot = await reloaded.waitFor((p) => p.event === 'wall:snapshot', 'a snapshot');
    expect(snapshot.mode).toBe('frozen');
    expect(snapshot.asOf).toBe((await callApi(ts, 'GET', '/api/v1/walls/room-a', 'wall')).body.frozenAt);
  });

  it('tries a failed computation again at the next ticks, and the tiles get the moment once it answers', async () => {
    const a = tile(ts, clients);
    await a.join(scope, 'room-f');
    await a.waitFor((p) => p.mode === undefined, 'live at first');
    source.fail = true;
    const asked = source.asked.length;
    const at = minuteAgo(30);
    try {
      expect((await post('room-f/freeze', { at: iso(at) })).status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 4 * TICK_MS));
      expect(a.payloads.some((p) => p.mode === 'frozen')).toBe(false);
      // one try per tick, not a tight loop
      expect(source.asked.length - asked).toBeGreaterThanOrEqual(2);
      expect(source.asked.length - asked).toBeLessThanOrEqual(6);
    } finally {
      source.fail = false;
    }
    const frozen = await a.waitFor((p) => p.mode === 'frozen', 'the frozen moment once the source answers');
    expect(frozen.asOf).toBe(iso(at));
    expect((await post('room-f/live')).status).toBe(200);
  });

  it('goes back to live: tiles get the live snapshot and live updates again', async () => {
    const a = tile(ts, clients);
    await a.join(scope, 'room-a');
    await a.waitFor((p) => p.mode === 'frozen', 'frozen');
    expect(await post('room-a/live')).toEqual({ status: 200, body: { id: 'room-a', mode: 'live', scope } });
    const live = await a.waitFor((p) => p.event === 'wall:snapshot' && p.mode === undefined, 'a live snapshot');
    await a.waitFor((p) => p.event === 'wall:update' && p.seq > live.seq, 'a live update');
    // a second /live changes nothing and stores nothing
    expect((await post('room-a/live')).status).toBe(200);
  });
});

describe('replay', () => {
  // 240x at a 250 ms tick: one minute of history per tick
  const speed = 240;

  it('moves one whole minute per tick, all tiles on the same moment, and stops paused at the end', async () => {
    const [a, b] = [tile(ts, clients), tile(ts, clients)];
    await a.join(scope, 'room-b');
    await b.join(scope, 'room-b');
    const from = minuteAgo(200) + 25_000; // not a whole minute: the replay starts on the minute before it
    const to = minuteAgo(188);
    const reply = await post('room-b/replay', { from: iso(from), to: iso(to), speed });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id: 'room-b', mode: 'replay', scope });
    expect((reply.body as unknown as WallGroupState).replay).toMatchObject({
      from: iso(minuteAgo(200)),
      to: iso(to),
      speed,
      paused: false,
    });
    const end = await a.waitFor((p) => p.replay?.paused === true, 'the end of the period');
    expect(end.asOf).toBe(iso(to));
    const shown = a.payloads.filter((p) => p.mode === 'replay').map((p) => Date.parse(p.asOf));
    expect(shown.every((ms) => ms % MINUTE_MS === 0)).toBe(true);
    expect(shown[0]).toBe(minuteAgo(200));
    // forward only, in whole-minute steps (one per tick unless a step was skipped)
    const steps = shown.slice(1).map((ms, i) => ms - shown[i]);
    expect(steps.every((s) => s >= 0 && s % MINUTE_MS === 0)).toBe(true);
    expect(shown.at(-1)).toBe(to);
    expect(new Set(shown).size).toBeGreaterThanOrEqual(8);
    // the moment shown is the moment computed
    for (const p of a.payloads.filter((q) => q.event === 'wall:snapshot' && q.mode === 'replay'))
      expect(p.panels.kpis!.lastHour).toBe(minuteMark(Date.parse(p.asOf)));
    await b.waitFor((p) => p.replay?.paused === true, 'b at the end too');
    const asOfs = (c: WallClient) =>
      c.payloads.filter((p) => p.mode === 'replay' && p.seq <= end.seq).map((p) => [p.seq, p.asOf]);
    expect(asOfs(b)).toEqual(asOfs(a));
    const state = (await callApi(ts, 'GET', '/api/v1/walls/room-b', 'wall')).body as unknown as WallGroupState;
    expect(state.replay).toMatchObject({ at: iso(to), paused: true });
  });

  it('pauses, seeks and plays again', async () => {
    const a = tile(ts, clients);
    await a.join(scope, 'room-c');
    const from = minuteAgo(600);
    const to = minuteAgo(300);
    expect((await post('room-c/replay', { from: iso(from), to: iso(to), speed })).status).toBe(200);
    await a.waitFor((p) => p.mode === 'replay' && Date.parse(p.asOf) >= from + 3 * MINUTE_MS, 'a few steps');
    const paused = await post('room-c/pause');
    const pausedAt = (paused.body as unknown as WallGroupState).replay!.at;
    expect((paused.body as unknown as WallGroupState).replay!.paused).toBe(true);
    await a.waitFor((p) => p.replay?.paused === true && p.asOf === pausedAt, 'the paused moment');
    const count = a.payloads.length;
    await new Promise((resolve) => setTimeout(resolve, 5 * TICK_MS));
    // paused: nothing moves, the tiles only hear the same moment again
    expect(after(a, count).every((p) => p.asOf === pausedAt && p.replay?.paused === true)).toBe(true);
    expect(
      ((await callApi(ts, 'GET', '/api/v1/walls/room-c', 'wall')).body as unknown as WallGroupState).replay!.at,
    ).toBe(pausedAt);

    const seekTo = from + 120 * MINUTE_MS + 30_000;
    expect((await post('room-c/seek', { at: iso(seekTo) })).status).toBe(200);
    const sought = await a.waitFor((p) => p.asOf === iso(seekTo - 30_000), 'the moment sought, on its minute');
    expect(sought.panels.kpis!.lastHour).toBe(minuteMark(seekTo - 30_000));
    expect((await post('room-c/seek', { at: iso(to + MINUTE_MS) })).status).toBe(400);

    expect((await post('room-c/play')).status).toBe(200);
    await a.waitFor((p) => p.replay?.paused === false && Date.parse(p.asOf) >= seekTo + 3 * MINUTE_MS, 'moving again');
    expect((await post('room-c/live')).status).toBe(200);
  });

  it('never stacks steps: a step slower than the tick skips the next ones, counted in /metrics', async () => {
    const a = tile(ts, clients);
    await a.join(scope, 'room-d');
    const skippedBefore = await metricValue(ts.baseUrl, 'commandwall_replay_steps_skipped_total');
    source.delayMs = 3 * TICK_MS;
    try {
      source.asked.length = 0;
      expect((await post('room-d/replay', { from: iso(minuteAgo(900)), to: iso(minuteAgo(700)), speed })).status).toBe(
        200,
      );
      const first = await a.waitFor((p) => p.mode === 'replay', 'the first step');
      await a.waitFor((p) => p.mode === 'replay' && p.seq >= first.seq + 3, 'three more steps');
      const skipped = (await metricValue(ts.baseUrl, 'commandwall_replay_steps_skipped_total')) - skippedBefore;
      expect(skipped).toBeGreaterThanOrEqual(3);
      // the replay kept its speed: it skipped minutes rather than falling behind the clock
      const shown = a.payloads.filter((p) => p.mode === 'replay').map((p) => Date.parse(p.asOf));
      expect(shown.slice(1).some((ms, i) => ms - shown[i] >= 2 * MINUTE_MS)).toBe(true);
    } finally {
      source.delayMs = 0;
      await post('room-d/live');
    }
  });
});
