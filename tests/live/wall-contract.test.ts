// The /wall contract with a real server, real socket.io-clients and the embedded engine: who may
// connect, the subscribe ack, the snapshot and the updates, and counts equal to what was ingested.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_CODES, KIND_CODES, LINE_CODES } from '@shared/codes';
import { childrenOf } from '@shared/regions';
import { partAsOf, type WallSnapshot } from '@shared/wall-events';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';
import { connectWall, mergedState, metricValue, refusal, type WallClient } from './wall-client';

let ts: TestServer;
const clients: WallClient[] = [];
beforeAll(async () => {
  ts = await startTestServer({ tickMs: 200 });
});
afterAll(async () => {
  clients.forEach((c) => c.close());
  await ts.stop();
});

function wall(role: 'wall' | 'director' = 'wall'): WallClient {
  const client = connectWall(ts.baseUrl, { token: ts.token(role) });
  clients.push(client);
  return client;
}

describe('the /wall handshake', () => {
  it('refuses a connection without a token, with a wrong one and with an ingest-only one', async () => {
    expect(await refusal(ts.baseUrl, {})).toBe('token-missing');
    expect(await refusal(ts.baseUrl, { token: 'not-a-token-at-all-0000' })).toBe('token-invalid');
    expect(await refusal(ts.baseUrl, { token: ts.token('ingest') })).toBe('forbidden');
  });

  it('refuses unknown scopes and malformed requests in the ack', async () => {
    const client = wall('director');
    expect(await client.subscribe('999999')).toEqual({
      ok: false,
      error: 'unknown-scope',
      detail: { field: 'scope' },
    });
    expect(await client.subscribe('national', -1)).toEqual({
      ok: false,
      error: 'invalid-request',
      detail: { field: 'lastSeq' },
    });
    expect(client.payloads).toHaveLength(0);
  });

  it('limits how many scopes one socket follows at once', async () => {
    const client = wall();
    const provinces = childrenOf('national')
      .slice(0, 9)
      .map((r) => r.code);
    for (const code of provinces.slice(0, 8)) expect(await client.subscribe(code)).toMatchObject({ ok: true });
    expect(await client.subscribe(provinces[8])).toEqual({
      ok: false,
      error: 'too-many-scopes',
      detail: { limit: 8 },
    });
    expect(await client.unsubscribe(provinces[0])).toEqual({ ok: true });
    expect(await client.subscribe(provinces[8])).toMatchObject({ ok: true });
    client.close();
  });
});

describe('snapshot, updates and counts', () => {
  const scope = '420100'; // Wuhan: children are its districts
  const now = Date.now();
  const cases = [
    makeCase(
      'C-1',
      {
        regionCode: '420102',
        kind: 'complaint',
        line: 'consumer',
        channel: 'phone',
        merchant: { name: '甲超市' },
        brand: '甲',
      },
      now - 5 * 60_000,
    ),
    makeCase(
      'C-2',
      { regionCode: '420102', kind: 'report', line: 'food-drug', channel: 'web', merchant: { name: '甲超市' } },
      now - 3 * 60_000,
    ),
    makeCase(
      'C-3',
      {
        regionCode: '420106',
        kind: 'consultation',
        line: 'price',
        channel: 'phone',
        urgent: true,
        summary: '价格欺诈',
      },
      now - 2 * 60_000,
    ),
    // outside the scope (Huangshi): must not count
    makeCase('C-4', { regionCode: '420202' }, now - 60_000),
  ];

  it('sends a full snapshot, then +1 updates, counting exactly what was ingested', async () => {
    const client = wall();
    const ack = await client.subscribe(scope);
    expect(ack).toEqual({ ok: true, data: { scope, resumed: false } });
    const first = (await client.waitFor((p) => p.event === 'wall:snapshot', 'snapshot')) as WallSnapshot & {
      event: string;
    };
    expect(first.scope).toBe(scope);
    expect(first.degraded).toBe(false);
    expect(first.panels.kpis.today.total).toBe(0);
    expect(first.panels.volume.current).toHaveLength(1440);
    expect(first.panels.volume.baseline).toHaveLength(1440);
    expect(first.panels.regions.map((r) => r.code)).toEqual(childrenOf(scope).map((r) => r.code));
    expect(first.panels.alerts).toEqual([]);
    expect(first.panels.incidents).toEqual([]);
    expect(Object.keys(first.panelAsOf).sort()).toEqual(Object.keys(first.panels).sort());
    // the cadence is announced, not left to the wall to guess: 200 ms ticks, slow parts every 5 s
    expect(first.tickMs).toBe(200);
    expect(Object.keys(first.partRefreshMs).sort()).toEqual(Object.keys(first.panels).sort());
    expect(first.partRefreshMs).toMatchObject({ latestCases: 200, heat: 200, topMerchants: 5000, kpis: 5000 });
    expect(Date.parse(first.sentAt)).toBeGreaterThanOrEqual(Date.parse(first.asOf));

    expect((await ts.ingest(cases)).body.accepted).toBe(4);
    const counted = await client.waitFor((p) => p.panels.kpis?.today.total === 3, 'an update counting the 3 cases');
    expect(counted.event).toBe('wall:update');
    const seqs = client.payloads.map((p) => p.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i)); // +1 each tick, no gap
    const kpis = counted.panels.kpis!;
    expect(kpis.today.byKind).toEqual({ ...zero(KIND_CODES), complaint: 1, report: 1, consultation: 1 });
    expect(kpis.today.byLine).toEqual({ ...zero(LINE_CODES), consumer: 1, 'food-drug': 1, price: 1 });
    expect(kpis.lastHour).toBe(3);
    expect(counted.panels.channelMix).toEqual({ ...zero(CHANNEL_CODES), phone: 2, web: 1 });
    expect(counted.panels.lineMix).toEqual(kpis.today.byLine);
    // lists may travel whole or as deltas: what counts is the list the wall holds after merging
    const held = mergedState(client.payloads.filter((p) => p.seq <= counted.seq))!.panels;
    expect(held.latestCases.map((c) => c.id)).toEqual(['C-3', 'C-2', 'C-1']);
    expect(held.latestCases[0]).toMatchObject({ regionCode: '420106', urgent: true, summary: '价格欺诈' });
    expect(held.urgentCases.map((c) => c.id)).toEqual(['C-3']);
    const regions = new Map(held.regions.map((r) => [r.code, r]));
    expect(regions.get('420102')).toMatchObject({ today: 2, lastHour: 2 });
    expect(regions.get('420106')).toMatchObject({ today: 1, lastHour: 1 });
    expect(held.regions.reduce((n, r) => n + r.today, 0)).toBe(3);
    // two district rows changed out of the city's thirteen: they travel as a delta, not the whole list
    const regionsSent = client.payloads.find((p) => p.event === 'wall:update' && p.listDeltas?.regions);
    expect(regionsSent?.event === 'wall:update' && regionsSent.listDeltas!.regions!.changed!.length).toBeLessThan(
      childrenOf(scope).length,
    );
    // the volume tails rebuild, minute for minute, the series a fresh snapshot would show
    const volume = mergedState(client.payloads)!.panels.volume;
    expect(volume.current.reduce((x, y) => x + y, 0)).toBe(3);
    const fresh = wall();
    await fresh.subscribe(scope);
    const full = (await fresh.waitFor((p) => p.event === 'wall:snapshot', 'snapshot')) as WallSnapshot & {
      event: string;
    };
    const upToDate = mergedState(client.payloads.filter((p) => p.seq <= full.seq))!;
    expect(upToDate.seq).toBe(full.seq);
    expect(upToDate.panels).toEqual(full.panels);
  });

  it('refreshes the slow panels (open, merchants, brands) with their own panelAsOf', async () => {
    const client = wall();
    await client.subscribe(scope);
    const snapshot = (await client.waitFor((p) => p.event === 'wall:snapshot', 'snapshot')) as WallSnapshot & {
      event: string;
    };
    expect(snapshot.panels.kpis.today.total).toBe(3);
    // computed every few seconds, not every tick: wait for the refresh that sees the cases
    const open = await client.waitFor((p) => p.panels.kpis?.open === 3, 'open cases counted');
    expect(open.panels.kpis!.overdue).toBe(0);
    const merchants = await client.waitFor(
      (p) => p.panels.topMerchants !== undefined && p.panels.topMerchants.length > 0,
      'top merchants',
    );
    expect(merchants.panels.topMerchants).toEqual([{ key: '甲超市', count: 2 }]);
    const brands = await client.waitFor(
      (p) => p.panels.topBrands !== undefined && p.panels.topBrands.length > 0,
      'top brands',
    );
    expect(brands.panels.topBrands).toEqual([{ key: '甲', count: 1 }]);
    // a panel refreshed less often than the tick says so: its panelAsOf lags asOf in later updates
    const later = await client.waitFor(
      (p) => p.seq > merchants.seq && p.panelAsOf.topMerchants !== p.asOf,
      'a tick between refreshes',
    );
    expect(Date.parse(later.panelAsOf.topMerchants!)).toBeLessThan(Date.parse(later.asOf));
    expect(partAsOf(later, 'kpis') <= later.asOf).toBe(true);
  });

  it('sends a new case as a delta of the feed, not the whole feed again', async () => {
    const client = wall();
    await client.subscribe(scope);
    const snapshot = await client.waitFor((p) => p.event === 'wall:snapshot', 'snapshot');
    expect(snapshot.panels.latestCases!.map((c) => c.id)).toEqual(['C-3', 'C-2', 'C-1']);
    expect((await ts.ingest([makeCase('C-5', { regionCode: '420106' })])).body.accepted).toBe(1);
    const added = await client.waitFor(
      (p) => p.event === 'wall:update' && p.listDeltas?.latestCases !== undefined,
      'the feed delta',
    );
    if (added.event !== 'wall:update') throw new Error('not an update');
    expect(added.panels.latestCases).toBeUndefined();
    expect(added.listDeltas!.latestCases).toEqual({ added: [{ at: 0, item: expect.objectContaining({ id: 'C-5' }) }] });
    const held = mergedState(client.payloads.filter((p) => p.seq <= added.seq))!.panels;
    expect(held.latestCases.map((c) => c.id)).toEqual(['C-5', 'C-3', 'C-2', 'C-1']);
  });

  it('exposes the live metrics', async () => {
    expect(await metricValue(ts.baseUrl, 'commandwall_socket_clients')).toBeGreaterThan(0);
    expect(await metricValue(ts.baseUrl, 'commandwall_clickhouse_queries_total{query="wall-intake"}')).toBeGreaterThan(
      0,
    );
    expect(await metricValue(ts.baseUrl, 'commandwall_tick_duration_seconds_count{level="city"}')).toBeGreaterThan(0);
    const text = await (await fetch(`${ts.baseUrl}/metrics`)).text();
    expect(text).toContain('commandwall_ticks_skipped_total');
    expect(text).toContain('commandwall_event_loop_lag_seconds{quantile="0.99"}');
  });
});

function zero<K extends string>(codes: readonly K[]): Record<K, number> {
  return Object.fromEntries(codes.map((c) => [c, 0])) as Record<K, number>;
}
