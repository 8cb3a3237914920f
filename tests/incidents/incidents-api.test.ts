// Emergency incidents through the HTTP API of a real server on the embedded engine: report, every
// transition of the shared table and every refused one, milestones, who may do what, bad input
// refused with nothing stored, concurrent edits with expectedVersion, the timeline, and a restart
// that reproduces every incident and timeline from the event log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  INCIDENT_STATUS_CODES,
  INCIDENT_TRANSITIONS,
  type Incident,
  type IncidentListReply,
  type IncidentWithTimeline,
} from '@shared/incidents';
import { startTestServer, type TestServer } from '../helpers/test-server';
import { HUBEI_FOOD, caller, pathsFromReported, type Role } from './incident-calls';

const MINUTE_MS = 60_000;
// the server's injected clock: half an hour behind the real one, moved by the tests
let nowMs = Math.floor(Date.now() / 1000) * 1000 - 30 * MINUTE_MS;
const clock = { now: () => nowMs };

let ts: TestServer;
const call = caller(() => ts);
beforeAll(async () => {
  ts = await startTestServer({}, clock);
});
afterAll(async () => {
  await ts.stop();
});

const nameOf = (role: Role) => ts.server.tokens.firstOf(role)!.name;
const report = async (body: object = HUBEI_FOOD, role: Role = 'operator') => {
  const reply = await call<Incident>('POST', '/api/v1/incidents', role, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};
const list = async (query = '') => {
  const reply = await call<IncidentListReply>('GET', `/api/v1/incidents${query}`, 'wall');
  expect(reply.status).toBe(200);
  return reply.body.incidents;
};

describe('incidents API', () => {
  it('reports an incident as its caller, at the server clock, with its clocks and a suggested severity', async () => {
    const incident = await report();
    expect(incident).toMatchObject({
      ...HUBEI_FOOD,
      status: 'reported',
      version: 1,
      openedAt: new Date(nowMs).toISOString(),
      openedBy: nameOf('operator'),
      updatedBy: nameOf('operator'),
      suggestedSeverity: 'III',
      verifiedAt: null,
      onSiteAt: null,
      nextClock: { name: 'verified', dueAt: new Date(nowMs + 120 * MINUTE_MS).toISOString(), breached: false },
    });
    const minimal = await report({ title: '某县超市过期食品', severity: 'IV', regionCodes: ['420102'] });
    expect(minimal).toMatchObject({
      category: null,
      leadUnit: null,
      assignees: [],
      caseIds: [],
      suggestedSeverity: 'IV',
    });
    const fetched = await call<IncidentWithTimeline>('GET', `/api/v1/incidents/${incident.id}`, 'wall');
    expect(fetched.body.timeline).toEqual([
      { at: incident.openedAt, actor: nameOf('operator'), action: 'reported', to: 'reported' },
    ]);
    expect((await call('GET', '/api/v1/incidents/no-such-incident', 'wall')).status).toBe(404);
  });

  describe('every transition of the shared table, and every refused one', () => {
    const paths = pathsFromReported();
    it('reaches every state from reported', () => {
      expect([...paths.keys()].sort()).toEqual([...INCIDENT_STATUS_CODES].sort());
    });
    for (const from of INCIDENT_STATUS_CODES)
      for (const to of INCIDENT_STATUS_CODES.filter((s) => s !== from)) {
        const allowed = INCIDENT_TRANSITIONS[from].includes(to);
        it(`${from} → ${to}: ${allowed ? '200' : '409 with what is allowed'}`, async () => {
          const incident = await report({ title: `${from} → ${to}`, severity: 'IV', regionCodes: ['420102'] });
          const url = `/api/v1/incidents/${incident.id}`;
          for (const step of paths.get(from)!)
            expect((await call('PATCH', url, 'director', { status: step })).status).toBe(200);
          const reply = await call<Incident & { allowed: string[]; error: string }>('PATCH', url, 'director', {
            status: to,
          });
          if (allowed) {
            expect(reply.status).toBe(200);
            expect(reply.body).toMatchObject({ status: to, version: paths.get(from)!.length + 2 });
          } else {
            expect(reply.status).toBe(409);
            expect(reply.body.allowed).toEqual(INCIDENT_TRANSITIONS[from]);
            expect(reply.body.error).toContain(from);
            const after = await call<Incident>('GET', url, 'wall');
            expect(after.body).toMatchObject({ status: from, version: paths.get(from)!.length + 1 });
          }
        });
      }
  });

  it('stamps milestones with the server clock; onSiteAt moves only forward and never into the future', async () => {
    const incident = await report();
    const url = `/api/v1/incidents/${incident.id}`;
    nowMs += 20 * MINUTE_MS;
    const verified = await call<Incident>('PATCH', url, 'director', { status: 'verified', note: '电话回访核实' });
    expect(verified.body.verifiedAt).toBe(new Date(nowMs).toISOString());
    expect(verified.body.nextClock?.name).toBe('onSite');
    const onSite = new Date(nowMs - 5 * MINUTE_MS).toISOString().replace('Z', '+00:00');
    expect((await call<Incident>('PATCH', url, 'operator', { onSiteAt: onSite })).body.onSiteAt).toBe(
      new Date(nowMs - 5 * MINUTE_MS).toISOString(),
    );
    for (const [ms, error] of [
      [nowMs - 10 * MINUTE_MS, 'onSiteAt: must not be earlier than the recorded'],
      [nowMs + MINUTE_MS, 'onSiteAt: must not be in the future'],
    ] as const) {
      const reply = await call<{ errors: string[] }>('PATCH', url, 'operator', {
        onSiteAt: new Date(ms).toISOString(),
      });
      expect(reply.status).toBe(422);
      expect(reply.body.errors.join()).toContain(error);
    }
    const current = (await call<Incident>('GET', url, 'wall')).body;
    expect(current.version).toBe(3);
    expect(current.clocks.map((c) => [c.name, c.metAt !== null, c.breached])).toEqual([
      ['verified', true, false],
      ['onSite', true, false],
      ['contained', false, false],
    ]);
  });

  it('lets operator, director and admin write, wall and above read, and no one else', async () => {
    const incident = await report();
    for (const role of ['wall', 'ingest'] as const) {
      expect((await call('POST', '/api/v1/incidents', role, HUBEI_FOOD)).status).toBe(403);
      expect((await call('PATCH', `/api/v1/incidents/${incident.id}`, role, { note: 'x' })).status).toBe(403);
    }
    expect((await call('POST', '/api/v1/incidents', undefined, HUBEI_FOOD)).status).toBe(401);
    expect((await call('GET', '/api/v1/incidents', 'ingest')).status).toBe(403);
    expect((await call('GET', `/api/v1/incidents/${incident.id}`, undefined)).status).toBe(401);
    for (const role of ['operator', 'director', 'admin'] as const) {
      expect((await call('GET', '/api/v1/incidents', role)).status).toBe(200);
      expect((await report(HUBEI_FOOD, role)).openedBy).toBe(nameOf(role));
    }
  });

  it('refuses bad input with 422 "field: reason" and stores nothing', async () => {
    const before = await list();
    const bad: Array<[unknown, string]> = [
      [{ ...HUBEI_FOOD, title: ' ' }, 'title: must not be empty'],
      [{ ...HUBEI_FOOD, title: '第一行\n第二行' }, 'title: must not contain control characters or line breaks'],
      [{ ...HUBEI_FOOD, severity: 'V' }, 'severity: must be one of I, II, III, IV'],
      [{ ...HUBEI_FOOD, regionCodes: [] }, 'regionCodes: must name at least one region'],
      [{ ...HUBEI_FOOD, regionCodes: ['999999'] }, 'regionCodes.0: must be a shipped 6-digit adcode'],
      [{ ...HUBEI_FOOD, regionCodes: ['420102', '420102'] }, 'regionCodes: must not repeat an item'],
      [{ ...HUBEI_FOOD, category: 'weapons' }, 'category:'],
      [{ ...HUBEI_FOOD, status: 'closed' }, 'status: unknown field'],
      [{ ...HUBEI_FOOD, openedBy: 'someone else' }, 'openedBy: unknown field'],
      ['{"title": ', '(body): is not valid JSON'],
      [['title'], '(body): must be a JSON object'],
    ];
    for (const [body, error] of bad) {
      const reply = await call<{ errors: string[] }>('POST', '/api/v1/incidents', 'operator', body);
      expect(reply.status, JSON.stringify(body)).toBe(422);
      expect(reply.body.errors.join(' | ')).toContain(error);
    }
    const id = before[0].id;
    for (const [patch, error] of [
      [{}, '(incident): must change status, severity, note, assignees, leadUnit or onSiteAt'],
      [{ expectedVersion: 1 }, '(incident): must change'],
      [{ status: 'solved' }, 'status:'],
      [{ onSiteAt: '2026-03-15T18:00:00' }, 'onSiteAt: must be ISO 8601 with an offset'],
      [{ title: '改标题' }, 'title: unknown field'],
    ] as const) {
      const reply = await call<{ errors: string[] }>('PATCH', `/api/v1/incidents/${id}`, 'operator', patch);
      expect(reply.status, JSON.stringify(patch)).toBe(422);
      expect(reply.body.errors.join(' | ')).toContain(error);
    }
    expect(await list()).toEqual(before);
    expect((await call('PATCH', '/api/v1/incidents/no-such-incident', 'operator', { note: 'x' })).status).toBe(404);
  });

  it('lets exactly one of concurrent PATCHes with the same expectedVersion win', async () => {
    const incident = await report();
    const url = `/api/v1/incidents/${incident.id}`;
    const edits = ['I', 'II', 'III', 'IV', 'II', 'I'].map((severity, i) =>
      call<Incident>('PATCH', url, i % 2 ? 'director' : 'operator', {
        severity,
        note: `第 ${i} 份`,
        expectedVersion: 1,
      }),
    );
    const replies = await Promise.all(edits);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const winner = replies.find((r) => r.status === 200)!.body;
    expect(winner.version).toBe(2);
    for (const lost of replies.filter((r) => r.status === 409))
      expect((lost.body as unknown as { incident: Incident }).incident).toEqual(winner);
    const stored = (await call<IncidentWithTimeline>('GET', url, 'wall')).body;
    expect(stored.version).toBe(2);
    expect(stored.timeline.filter((e) => e.note)).toHaveLength(1);
  });

  it('lists by state and by scope (the regions and every scope above them)', async () => {
    const all = await list();
    expect(all.length).toBeGreaterThan(30);
    expect((await list('?status=closed')).every((i) => i.status === 'closed')).toBe(true);
    expect((await list('?status=active')).some((i) => i.status === 'closed' || i.status === 'cancelled')).toBe(false);
    const wuchang = await list('?scope=420106');
    expect(wuchang).toEqual([]);
    const jianghan = await list('?scope=420103');
    expect(jianghan.length).toBeGreaterThan(0);
    expect(jianghan.every((i) => i.regionCodes.includes('420103'))).toBe(true);
    expect((await list('?scope=420100')).length).toBe(all.length);
    expect((await call<{ errors: string[] }>('GET', '/api/v1/incidents?status=open', 'wall')).status).toBe(422);
  });

  it('a restart on the same data reproduces every incident and timeline from the event log', async () => {
    const before = await list();
    const timelines = await Promise.all(before.map((i) => call('GET', `/api/v1/incidents/${i.id}`, 'wall')));
    await ts.stop();
    ts = await startTestServer({ dataDir: ts.dataDir }, clock);
    expect(await list()).toEqual(before);
    const after = await Promise.all(before.map((i) => call('GET', `/api/v1/incidents/${i.id}`, 'wall')));
    expect(after.map((r) => r.body)).toEqual(timelines.map((r) => r.body));
    const open = before.find((i) => i.status === 'reported')!;
    const verified = await call<Incident>('PATCH', `/api/v1/incidents/${open.id}`, 'director', { status: 'verified' });
    expect(verified.body.version).toBe(open.version + 1);
  });
});
