// The wall's alerts part on a real server: an alert raised by the detectors' signals reaches the walls
// of its scope (the scope or above it) as a list delta with its explanation, not those of another
// scope; a change of status (dismissed) takes it off; a late joiner's snapshot carries it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MINUTE_MS } from '@shared/time';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { surgeSignal, TIANHE } from '../alerts/signal-fixtures';
import { connectWall, mergedState, type WallClient } from './wall-client';

let ts: TestServer;
const walls: WallClient[] = [];
beforeAll(async () => {
  ts = await startTestServer({ tickMs: 250 });
});
afterAll(async () => {
  walls.forEach((w) => w.close());
  await ts.stop();
});

function wall(): WallClient {
  const client = connectWall(ts.baseUrl, { token: ts.token('wall') });
  walls.push(client);
  return client;
}

const alertsOf = (client: WallClient) => mergedState(client.payloads)?.panels.alerts ?? [];

async function until(test: () => boolean, what: string): Promise<void> {
  // each payload is a tick; the test timeout bounds the wait
  while (!test()) await new Promise((resolve) => setTimeout(resolve, 100));
  expect(test(), what).toBe(true);
}

describe('the alerts part of /wall', () => {
  it('carries a new alert with its explanation to its scope and above, not elsewhere, and drops it when dismissed', async () => {
    const guangdong = wall();
    const beijing = wall();
    expect((await guangdong.subscribe('440000')).ok).toBe(true);
    expect((await beijing.subscribe('110000')).ok).toBe(true);
    await guangdong.waitFor((p) => p.event === 'wall:snapshot', 'a snapshot');
    await beijing.waitFor((p) => p.event === 'wall:snapshot', 'a snapshot');
    expect(alertsOf(guangdong)).toEqual([]);

    const nowMs = Date.now() - MINUTE_MS;
    const { opened } = await ts.server.alerts.ingestSignals([surgeSignal(nowMs)], nowMs);
    await until(() => alertsOf(guangdong).length === 1, 'the alert on the Guangdong wall');
    const [shown] = alertsOf(guangdong);
    expect(shown).toMatchObject({
      id: opened[0],
      status: 'open',
      severity: 'high',
      kinds: ['surge'],
      regionCode: TIANHE,
      category: 'food',
      observed: 12,
      expected: 1.5,
      recurrenceDays: 400,
    });
    expect(shown.sparkline.counts).toHaveLength(48);
    // the wall needs none of the bookkeeping
    expect(shown).not.toHaveProperty('signals');
    // it came in an update, between snapshots (as a list delta, or whole when that is smaller)
    const arrived = guangdong.payloads.find(
      (p) => p.event === 'wall:update' && (p.listDeltas?.alerts?.added?.length || p.panels.alerts?.length),
    );
    expect(arrived).toBeDefined();

    const late = wall();
    await late.subscribe('440106');
    const snapshot = await late.waitFor((p) => p.event === 'wall:snapshot', 'a snapshot');
    expect(snapshot.event === 'wall:snapshot' && snapshot.panels.alerts.map((a) => a.id)).toEqual(opened);

    const dismissed = await fetch(`${ts.baseUrl}/api/v1/alerts/${opened[0]}/dismiss`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ts.token('operator')}` },
    });
    expect(dismissed.status).toBe(200);
    await until(() => alertsOf(guangdong).length === 0, 'the dismissed alert gone from the wall');
    expect(beijing.payloads.every((p) => !('alerts' in p.panels) || (p.panels.alerts ?? []).length === 0)).toBe(true);
    expect(alertsOf(beijing)).toEqual([]);
  });
});
