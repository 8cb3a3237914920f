// The heatmap's bins against the embedded engine: binned by the scope's level, labelled by their
// centre, counted once per case, and never more than HEAT_MAX_POINTS of them, the densest first.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryHeat } from '../../server/live/tick-queries';
import { HEAT_BIN_DEGREES, HEAT_MAX_POINTS, scopeParams, tickTimes } from '../../server/live/tick-window';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(async () => {
  await ts.stop();
});

const received = new Date(Date.now() - 10 * 60_000).toISOString();

describe('heatmap bins', () => {
  it('bins by the scope level, at bin centres, each case once', async () => {
    expect(HEAT_BIN_DEGREES.national).toBe(0.2);
    const wuhan = [
      makeCase('HEAT-1', { regionCode: '420102', receivedAt: received, location: { lon: 114.31, lat: 30.59 } }),
      makeCase('HEAT-2', { regionCode: '420102', receivedAt: received, location: { lon: 114.39, lat: 30.41 } }),
      // a later version of HEAT-1: still one case
      makeCase('HEAT-1', {
        regionCode: '420102',
        receivedAt: received,
        updatedAt: new Date().toISOString(),
        status: 'accepted',
        location: { lon: 114.31, lat: 30.59 },
      }),
      makeCase('HEAT-3', { regionCode: '420106', receivedAt: received, location: { lon: 114.31, lat: 30.55 } }),
    ];
    expect((await ts.ingest(wuhan)).body.accepted).toBe(4);
    const t = tickTimes(Date.now());
    // nationally one 0.2-degree square (114.2-114.4, 30.4-30.6), centred at 114.3, 30.5
    expect(await queryHeat(ts.server.clickhouse, scopeParams('national'), t)).toEqual([[114.3, 30.5, 3]]);
    // in Wuhan, 0.01-degree squares
    const city = await queryHeat(ts.server.clickhouse, scopeParams('420100'), t);
    expect(city).toEqual([
      [114.315, 30.555, 1],
      [114.315, 30.595, 1],
      [114.395, 30.415, 1],
    ]);
  });

  it('sends at most HEAT_MAX_POINTS bins, the densest first', async () => {
    const spread = Array.from({ length: HEAT_MAX_POINTS + 100 }, (_, i) =>
      makeCase(`SPREAD-${i}`, {
        regionCode: '630121',
        receivedAt: received,
        // one case per 0.2-degree square, over the Qinghai plateau
        location: { lon: 90 + (i % 60) * 0.2 + 0.01, lat: 32 + Math.floor(i / 60) * 0.2 + 0.01 },
      }),
    );
    expect((await ts.ingest(spread)).body.accepted).toBe(spread.length);
    const points = await queryHeat(ts.server.clickhouse, scopeParams('national'), tickTimes(Date.now()));
    expect(points).toHaveLength(HEAT_MAX_POINTS);
    expect(points[0]).toEqual([114.3, 30.5, 3]);
    expect(points.slice(1).every(([, , cases]) => cases === 1)).toBe(true);
  });
});
