// Incidents on the stream: a real server on the embedded engine and real /wall clients. A new or
// changed incident reaches the walls of every scope it concerns (its regions and the scopes above)
// and no other; the part carries the next clock and turns breached when the server's clock passes
// it; breaches are counted in /metrics; an alert escalates into a linked incident.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Incident } from '@shared/incidents';
import type { IncidentSummary } from '@shared/wall-events';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { connectWall, mergedState, metricValue, type WallClient } from '../live/wall-client';
import { HUBEI_FOOD, caller } from './incident-calls';

const MINUTE_MS = 60_000;
let nowMs = Math.floor(Date.now() / 1000) * 1000 - 3 * 60 * MINUTE_MS;
const clock = { now: () => nowMs };

let ts: TestServer;
const call = caller(() => ts);
const walls = new Map<string, WallClient>();

beforeAll(async () => {
  ts = await startTestServer({ tickMs: 200 }, clock);
  for (const scope of ['national', '420100', '420103', '420106', '430000']) {
    const wall = connectWall(ts.baseUrl, { token: ts.token('wall') });
    expect((await wall.subscribe(scope)).ok).toBe(true);
    await wall.waitFor((p) => p.event === 'wall:snapshot', `${scope} snapshot`);
    walls.set(scope, wall);
  }
});
afterAll(async () => {
  for (const wall of walls.values()) wall.close();
  await ts.stop();
});

/** The incidents a wall of `scope` holds now, merged by the client's own rules. */
const held = (scope: string): IncidentSummary[] => mergedState(walls.get(scope)!.payloads)?.panels.incidents ?? [];

async function until(scope: string, test: (items: IncidentSummary[]) => boolean, what: string) {
  const wall = walls.get(scope)!;
  await wall.waitFor(() => test(held(scope)), `${scope}: ${what}`);
  return held(scope);
}

describe('incidents on the walls', () => {
  let incident: Incident;

  it('reach every wall of the scopes they concern, as the contract item, and no other', async () => {
    incident = (await call<Incident>('POST', '/api/v1/incidents', 'operator', HUBEI_FOOD)).body;
    for (const scope of ['national', '420100', '420103']) {
      const [item] = await until(scope, (items) => items.some((i) => i.id === incident.id), 'the new incident');
      expect(item).toEqual({
        id: incident.id,
        title: HUBEI_FOOD.title,
        severity: 'III',
        status: 'reported',
        regionCodes: HUBEI_FOOD.regionCodes,
        openedAt: incident.openedAt,
        updatedAt: incident.updatedAt,
        nextClock: { name: 'verified', dueAt: new Date(nowMs + 120 * MINUTE_MS).toISOString(), breached: false },
        version: 1,
        category: 'food',
        leadUnit: HUBEI_FOOD.leadUnit,
        breachedClocks: 0,
        location: expect.objectContaining({ lon: expect.any(Number), lat: expect.any(Number) }) as unknown,
      });
    }
    // a sibling county and another province heard several ticks since, and never of it
    const sibling = walls.get('420106')!;
    const later = sibling.payloads.at(-1)!.seq + 3;
    await sibling.waitFor((p) => p.seq >= later, 'three more ticks');
    expect(held('420106')).toEqual([]);
    expect(held('430000')).toEqual([]);
  });

  it('carry each change, and a clock turns breached when the server clock passes it', async () => {
    await call('PATCH', `/api/v1/incidents/${incident.id}`, 'director', { status: 'verified' });
    await until('420100', (items) => items[0]?.status === 'verified', 'the verified state');
    expect(held('420100')[0].nextClock?.name).toBe('onSite');
    expect(await metricValue(ts.baseUrl, 'commandwall_incident_clocks_overrun{clock="onSite"}')).toBe(0);
    nowMs += 4 * 60 * MINUTE_MS + MINUTE_MS; // past the 4 h on-site clock of severity III
    const [late] = await until('national', (items) => items[0]?.nextClock?.breached === true, 'the breached clock');
    expect(late).toMatchObject({ nextClock: { name: 'onSite', breached: true }, breachedClocks: 1 });
    expect(await metricValue(ts.baseUrl, 'commandwall_incident_clocks_overrun{clock="onSite"}')).toBe(1);
    expect(await metricValue(ts.baseUrl, 'commandwall_incident_clock_breaches{clock="onSite"}')).toBe(1);
    expect(await metricValue(ts.baseUrl, 'commandwall_incidents{status="verified"}')).toBe(1);
    // someone on site, late: the clock stops overrunning, the breach stays on record
    await call('PATCH', `/api/v1/incidents/${incident.id}`, 'director', { onSiteAt: new Date(nowMs).toISOString() });
    await until('420103', (items) => items[0]?.nextClock?.name === 'contained', 'the next clock');
    expect(await metricValue(ts.baseUrl, 'commandwall_incident_clocks_overrun{clock="onSite"}')).toBe(0);
    expect(await metricValue(ts.baseUrl, 'commandwall_incident_clock_breaches{clock="onSite"}')).toBe(1);
  });

  it('escalates an alert into an incident linked to it and its cases, at the suggested severity', async () => {
    const created = await ts.server.incidents.createFromAlert({
      alert: {
        id: 'alert-7',
        title: '长沙多区预付卡门店关店',
        regionCodes: ['430102', '430103'],
        category: 'prepaid-cards',
        caseIds: ['c-1', 'c-2'],
      },
      actor: 'director-1',
    });
    expect(created).toMatchObject({
      severity: 'III',
      alertIds: ['alert-7'],
      caseIds: ['c-1', 'c-2'],
      openedBy: 'director-1',
    });
    await until('430000', (items) => items.some((i) => i.id === created.id), 'the escalated incident');
    await expect(
      ts.server.incidents.createFromAlert({ alert: { id: 'a', title: '', regionCodes: [] }, actor: 'director-1' }),
    ).rejects.toThrow(/title: must not be empty/);
  });
});
