// Tiles of a wall group for the wall-group tests: a real socket.io-client wall (tests/live/wall-client.ts)
// that subscribes with a group id, and a PanelsAtSource written for the driver tests that stands in
// for the real one (server/replay/) while it is not on main: the wall as of T is a live snapshot's
// parts with `kpis.lastHour` set to T's minute of the day, so each payload says which moment it holds.
import type { WallParts } from '@shared/wall-events';
import { MINUTE_MS, DAY_MS } from '@shared/time';
import type { PanelsAt, PanelsAtSource } from '../../server/replay/panels-at';
import { connectWall, type WallClient } from '../live/wall-client';
import type { TestServer } from '../helpers/test-server';

export interface Tile extends WallClient {
  join(scope: string, wall?: string): Promise<unknown>;
}

export function tile(ts: TestServer, clients: WallClient[], role: 'wall' | 'director' = 'wall'): Tile {
  const client = connectWall(ts.baseUrl, { token: ts.token(role) });
  clients.push(client);
  return {
    ...client,
    join: (scope, wall) =>
      client.socket.emitWithAck('scope:subscribe', wall === undefined ? { scope } : { scope, wall }),
  };
}

/** The minute of the day (UTC) a test source writes into kpis.lastHour for the moment `atMs`. */
export const minuteMark = (atMs: number) => Math.floor((atMs % DAY_MS) / MINUTE_MS);

export interface TestSource extends PanelsAtSource {
  /** the parts every moment is built on (a live snapshot's); the source fails until it is set */
  template: WallParts | undefined;
  /** how long each computation takes */
  delayMs: number;
  /** while true, every computation fails (ClickHouse not answering) */
  fail: boolean;
  /** the moments asked for, in order */
  asked: number[];
  bounds: { fromMs: number; toMs: number };
}

export function testSource(nowMs: number): TestSource {
  const source: TestSource = {
    template: undefined,
    delayMs: 0,
    fail: false,
    asked: [],
    bounds: { fromMs: nowMs - 2 * DAY_MS, toMs: nowMs },
    async computePanelsAt(_scope, atMs): Promise<PanelsAt> {
      source.asked.push(atMs);
      if (source.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, source.delayMs));
      if (!source.template || source.fail) throw new Error('the past could not be read');
      const panels = { ...source.template, kpis: { ...source.template.kpis, lastHour: minuteMark(atMs) } };
      const asOf = new Date(atMs).toISOString();
      return { panels, asOf, panelAsOf: { kpis: asOf }, history: { resolution: 'minute', notKept: [] } };
    },
    historyBounds: async () => source.bounds,
  };
  return source;
}
