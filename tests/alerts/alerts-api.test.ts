// Hot-issue alerts on a real server and the embedded engine: the detectors' signals for one outbreak
// become one alert explained by the stored cases, it grows, goes quiet and resolves, comes back and
// reopens; people acknowledge and dismiss it through the API with their roles checked and refused
// changes answered 409; a restart reproduces every alert from the log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert, AlertDetailReply, AlertListReply } from '@shared/alerts';
import { HOUR_MS, MINUTE_MS } from '@shared/time';
import { callApi, makeCase, startTestServer, type TestServer } from '../helpers/test-server';
import {
  DONGCHENG_BEIJING,
  TIANHE,
  YUEXIU,
  clusterSignal,
  merchantSignal,
  surgeSignal,
  unrelatedSignal,
} from './signal-fixtures';

type Role = Parameters<TestServer['token']>[0];

// the server's clock starts five hours behind the real one and is moved by the tests, never past it
let nowMs = Math.floor(Date.now() / 1000) * 1000 - 5 * HOUR_MS;
const clock = { now: () => nowMs };
const firstCaseMs = nowMs - 2 * HOUR_MS;

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer({}, clock);
  // the outbreak's cases: ten food complaints in Tianhe over two hours, and noise elsewhere
  const cases = Array.from({ length: 10 }, (_, i) =>
    makeCase(
      `outbreak-${i}`,
      { regionCode: TIANHE, category: 'food', merchant: { name: '天河好味餐厅' } },
      firstCaseMs + i * 10 * MINUTE_MS,
    ),
  );
  cases.push(makeCase('other-county', { regionCode: YUEXIU, category: 'clothing' }, firstCaseMs));
  expect((await ts.ingest(cases)).status).toBe(200);
});
afterAll(async () => {
  await ts.stop();
});

const call = (method: string, path: string, role: Role | undefined, body?: unknown) =>
  callApi(ts, method, path, role, body);

async function list(query = 'status=all'): Promise<Alert[]> {
  const reply = await call('GET', `/api/v1/alerts?${query}`, 'wall');
  expect(reply.status).toBe(200);
  return (reply.body as unknown as AlertListReply).alerts;
}

const ingestSignals = (signals: Parameters<TestServer['server']['alerts']['ingestSignals']>[0]) =>
  ts.server.alerts.ingestSignals(signals, nowMs);

let outbreakId = '';

describe('one alert per event', () => {
  it('makes one alert of the detectors that found one outbreak, and another of another event', async () => {
    const outcome = await ingestSignals([merchantSignal(nowMs), surgeSignal(nowMs), unrelatedSignal(nowMs)]);
    expect(outcome.opened).toHaveLength(2);
    const alerts = await list();
    expect(alerts).toHaveLength(2);
    const outbreak = alerts.find((a) => a.regionCode === TIANHE)!;
    outbreakId = outbreak.id;
    expect(outbreak).toMatchObject({
      status: 'open',
      version: 1,
      kinds: ['surge', 'merchant'],
      category: 'food',
      merchant: { name: '天河好味餐厅' },
      observed: 12,
      expected: 1.5,
      severity: 'high',
      openedBy: 'system',
      // explained by the stored cases: the merchant's ten since the surge's window began
      cases: 10,
      firstCaseAt: new Date(firstCaseMs).toISOString(),
      latestCaseAt: new Date(firstCaseMs + 90 * MINUTE_MS).toISOString(),
    });
    expect(outbreak.sparkline.counts).toHaveLength(48);
    expect(outbreak.sparkline.counts.reduce((a, b) => a + b, 0)).toBe(10);
    // most severe first
    expect(alerts[0].id).toBe(outbreakId);
  });

  it('is not updated by the same findings again, and is when the outbreak grows or spreads', async () => {
    nowMs += 5 * MINUTE_MS;
    const same = await ingestSignals([surgeSignal(nowMs), merchantSignal(nowMs)]);
    expect(same).toEqual({ opened: [], updated: [], reopened: [], resolved: [] });
    nowMs += 5 * MINUTE_MS;
    const grown = await ingestSignals([surgeSignal(nowMs, { observed: 16, score: 7 }), clusterSignal(nowMs)]);
    expect(grown.updated).toEqual([outbreakId]);
    const outbreak = (await list()).find((a) => a.id === outbreakId)!;
    expect(outbreak).toMatchObject({ version: 2, observed: 16, kinds: ['surge', 'merchant', 'cluster'] });
    expect(outbreak.regionCodes).toEqual([TIANHE, YUEXIU]);
    expect(await list()).toHaveLength(2);
  });

  it('resolves itself after a quiet period, and reopens when its signals come back within a day', async () => {
    nowMs += 2 * HOUR_MS;
    // the Beijing alert is still reported; the outbreak is not, but not for long enough yet
    expect((await ingestSignals([unrelatedSignal(nowMs)])).resolved).toEqual([]);
    nowMs += HOUR_MS + MINUTE_MS;
    const quiet = await ts.server.alerts.sweep(nowMs);
    expect(quiet.resolved).toEqual([outbreakId]);
    expect((await list()).find((a) => a.id === outbreakId)).toMatchObject({ status: 'resolved', updatedBy: 'system' });
    expect((await list('status=active')).map((a) => a.regionCode)).toEqual([DONGCHENG_BEIJING]);

    nowMs += 30 * MINUTE_MS;
    const back = await ingestSignals([surgeSignal(nowMs), unrelatedSignal(nowMs)]);
    expect(back).toMatchObject({ opened: [], reopened: [outbreakId] });
    expect(await list()).toHaveLength(2);
    expect((await list()).find((a) => a.id === outbreakId)).toMatchObject({ status: 'open', version: 4 });
  });
});

describe('people and the lifecycle', () => {
  const nameOf = (role: Role) => ts.server.tokens.firstOf(role)!.name;

  it('lets operator, director and admin acknowledge or dismiss, wall and above read, and no one else', async () => {
    for (const role of ['wall', 'ingest'] as const) {
      expect((await call('POST', `/api/v1/alerts/${outbreakId}/ack`, role, {})).status).toBe(403);
      expect((await call('POST', `/api/v1/alerts/${outbreakId}/dismiss`, role, {})).status).toBe(403);
    }
    expect((await call('POST', `/api/v1/alerts/${outbreakId}/ack`, undefined, {})).status).toBe(401);
    expect((await call('GET', '/api/v1/alerts', 'ingest')).status).toBe(403);
    expect((await call('GET', '/api/v1/alerts', undefined)).status).toBe(401);
    expect((await call('POST', '/api/v1/alerts/no-such-alert/ack', 'operator', {})).status).toBe(404);
    expect((await call('GET', '/api/v1/alerts/no-such-alert', 'wall')).status).toBe(404);
    expect((await call('POST', `/api/v1/alerts/${outbreakId}/ack`, 'operator', { note: 'x'.repeat(201) })).status).toBe(
      422,
    );
    expect((await call('GET', '/api/v1/alerts?status=closed', 'wall')).status).toBe(422);
  });

  it('records who acknowledged and dismissed, and refuses what the state does not allow', async () => {
    const acked = await call('POST', `/api/v1/alerts/${outbreakId}/ack`, 'operator', { note: '已通知天河区局' });
    expect(acked.status).toBe(200);
    expect(acked.body).toMatchObject({
      status: 'acknowledged',
      updatedBy: nameOf('operator'),
      note: '已通知天河区局',
      version: 5,
    });
    const again = await call('POST', `/api/v1/alerts/${outbreakId}/ack`, 'director');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ allowed: ['escalate', 'dismiss'] });
    expect(typeof again.body.error).toBe('string');

    const beijing = (await list()).find((a) => a.regionCode === DONGCHENG_BEIJING)!;
    expect((await call('POST', `/api/v1/alerts/${beijing.id}/dismiss`, 'director', {})).status).toBe(200);
    const twice = await call('POST', `/api/v1/alerts/${beijing.id}/ack`, 'admin', {});
    expect(twice).toMatchObject({ status: 409, body: { allowed: [] } });
    // a dismissed alert absorbs its signals: no new alert, no reopening
    const after = await ingestSignals([unrelatedSignal(nowMs)]);
    expect(after).toEqual({ opened: [], updated: [], reopened: [], resolved: [] });
    expect((await list('status=dismissed')).map((a) => a.id)).toEqual([beijing.id]);
  });

  it('reads one alert with its log and the cases behind it', async () => {
    const reply = await call('GET', `/api/v1/alerts/${outbreakId}`, 'wall');
    expect(reply.status).toBe(200);
    const detail = reply.body as unknown as AlertDetailReply;
    expect(detail.log.map((e) => [e.type, e.actor])).toEqual([
      ['opened', 'system'],
      ['updated', 'system'],
      ['resolved', 'system'],
      ['reopened', 'system'],
      ['acknowledged', nameOf('operator')],
    ]);
    expect(detail.caseIds.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `outbreak-${i}`).sort());
  });

  it('escalates to an incident: 201 with the incident, linked to the alert and its cases', async () => {
    expect((await call('POST', `/api/v1/alerts/${outbreakId}/escalate`, 'wall', {})).status).toBe(403);
    expect((await call('POST', `/api/v1/alerts/${outbreakId}/escalate`, 'director', { severity: 'V' })).status).toBe(
      422,
    );
    const escalated = await call('POST', `/api/v1/alerts/${outbreakId}/escalate`, 'director', { note: '升级处置' });
    expect(escalated.status).toBe(201);
    expect(escalated.body).toMatchObject({ status: 'reported', alertIds: [outbreakId], regionCodes: [TIANHE, YUEXIU] });
    expect((escalated.body.caseIds as string[]).sort()).toEqual(
      Array.from({ length: 10 }, (_, i) => `outbreak-${i}`).sort(),
    );
    const alert = (await list()).find((a) => a.id === outbreakId)!;
    expect(alert).toMatchObject({ status: 'escalated', updatedBy: nameOf('director'), note: '升级处置' });
    const again = await call('POST', `/api/v1/alerts/${outbreakId}/escalate`, 'director', {});
    expect(again).toMatchObject({ status: 409, body: { allowed: [] } });
  });

  it('lists by scope and time', async () => {
    expect((await list('status=all&scope=440000')).map((a) => a.id)).toEqual([outbreakId]);
    expect(await list('status=all&scope=110000')).toHaveLength(1);
    expect(await list('status=all&scope=320000')).toEqual([]);
    const future = new Date(nowMs + HOUR_MS).toISOString();
    expect(await list(`status=all&from=${encodeURIComponent(future)}`)).toEqual([]);
  });
});

describe('restart', () => {
  it('reproduces every alert and its log from the event log', async () => {
    const before = await list();
    const logBefore = (await call('GET', `/api/v1/alerts/${outbreakId}`, 'wall')).body.log;
    await ts.stop();
    ts = await startTestServer({ dataDir: ts.dataDir }, clock);
    expect(await list()).toEqual(before);
    expect((await call('GET', `/api/v1/alerts/${outbreakId}`, 'wall')).body.log).toEqual(logBefore);
  });
});
