// GET /api/v1/cases/:id over a real server: who may read a case, 404, the versions oldest first, and
// the legal clocks on the holiday calendar (acceptance, then mediation; verification, extended).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseView } from '@shared/case-view';
import { caseDeadlines } from '@shared/deadlines';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';

type Role = Parameters<TestServer['token']>[0];
const HOUR_MS = 3_600_000;

// the server's clock: the real one, except where a test sets a day (so its answer holds whatever today is)
let fixedNowMs: number | undefined;
const clock = { now: () => fixedNowMs ?? Date.now() };

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer({}, clock);
});
afterAll(async () => {
  await ts.stop();
});

async function getCase(id: string, role: Role | null = 'operator') {
  const response = await fetch(`${ts.baseUrl}/api/v1/cases/${encodeURIComponent(id)}`, {
    headers: role ? { authorization: `Bearer ${ts.token(role)}` } : {},
  });
  return { status: response.status, body: (await response.json()) as CaseView & { error?: string } };
}

async function ingestOk(cases: unknown[]) {
  const reply = await ts.ingest(cases);
  expect(reply.body.rejected).toEqual([]);
  expect(reply.status).toBe(200);
}

const iso = (ms: number) => new Date(ms).toISOString();

describe('GET /api/v1/cases/:id', () => {
  const receivedMs = Date.now() - 3 * HOUR_MS;
  const acceptedMs = receivedMs + HOUR_MS;

  beforeAll(async () => {
    await ingestOk([
      makeCase('api-complaint', { receivedAt: iso(receivedMs), summary: '外卖食品变质', amountYuan: 58 }),
      makeCase('api-complaint', {
        receivedAt: iso(receivedMs),
        updatedAt: iso(acceptedMs),
        acceptedAt: iso(acceptedMs),
        status: 'accepted',
      }),
      makeCase('api-report', { kind: 'report', receivedAt: iso(receivedMs), extendedDays: 15, status: 'verifying' }),
      makeCase('api-consult', { kind: 'consultation', receivedAt: iso(receivedMs), status: 'resolved' }),
    ]);
  });

  it('is for operator, director and admin; 403 for wall and ingest, 401 without a token', async () => {
    for (const role of ['operator', 'director', 'admin'] as const)
      expect((await getCase('api-complaint', role)).status).toBe(200);
    for (const role of ['wall', 'ingest'] as const) {
      const reply = await getCase('api-complaint', role);
      expect(reply.status).toBe(403);
      expect(reply.body.error).toMatch(/may not read cases/);
    }
    expect((await getCase('api-complaint', null)).status).toBe(401);
  });

  it('answers 404 for an unknown id, and for one that cannot be a case id', async () => {
    expect((await getCase('no-such-case')).status).toBe(404);
    expect((await getCase('bad id with spaces')).status).toBe(404);
  });

  it('gives the current state, its versions oldest first, and the mediation clock once accepted', async () => {
    const { status, body } = await getCase('api-complaint');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: 'api-complaint', status: 'accepted', kind: 'complaint', regionCode: '420102' });
    expect(Date.parse(body.acceptedAt!)).toBe(acceptedMs);
    expect(body.versions.map((v) => v.status)).toEqual(['received', 'accepted']);
    expect(body.versions[0]).toMatchObject({ summary: '外卖食品变质', amountYuan: 58 });
    expect(body.versions[0].acceptedAt).toBeUndefined();
    const expected = caseDeadlines({ kind: 'complaint', receivedAt: receivedMs, acceptedAt: acceptedMs });
    expect(body.deadlines).toEqual({
      acceptBy: expected.acceptBy,
      mediateBy: expected.mediateBy,
      dueAt: expected.mediateBy,
      overdue: false,
      provisional: expected.provisional,
    });
    expect(body.deadlines.acceptBy).toMatch(/T23:59:59\.999\+08:00$/);
    expect(body.receivedAt).toMatch(/\+08:00$/);
  });

  it('gives an extended report 30 working days to verify, and a consultation its answer deadline', async () => {
    const report = (await getCase('api-report')).body;
    const verify = caseDeadlines({ kind: 'report', receivedAt: receivedMs, extendedDays: 15 });
    expect(report.extendedDays).toBe(15);
    expect(report.deadlines).toMatchObject({ verifyBy: verify.verifyBy, dueAt: verify.verifyBy, overdue: false });
    expect(verify.verifyBy).not.toBe(caseDeadlines({ kind: 'report', receivedAt: receivedMs }).verifyBy);
    const consult = (await getCase('api-consult')).body;
    expect(consult.deadlines.acceptBy).toBeUndefined();
    expect(consult.deadlines.dueAt).toBe(caseDeadlines({ kind: 'consultation', receivedAt: receivedMs }).dueAt);
  });

  // the server's clock is set in February and March 2026: the case is fresh to ingest and its clock
  // decides overdue, whatever today's date is
  it('counts a complaint received on Friday 2026-02-13 across the Spring Festival: accept by 2026-03-02', async () => {
    try {
      fixedNowMs = Date.parse('2026-02-27T12:00:00+08:00');
      await ingestOk([makeCase('api-spring-festival', { receivedAt: '2026-02-13T10:00:00+08:00' }, fixedNowMs)]);
      const onTime = {
        acceptBy: '2026-03-02T23:59:59.999+08:00',
        dueAt: '2026-03-02T23:59:59.999+08:00',
        overdue: false,
        provisional: false,
      };
      expect((await getCase('api-spring-festival')).body.deadlines).toEqual(onTime);
      // the last millisecond of the working day is still on time; the next one is late
      fixedNowMs = Date.parse(onTime.acceptBy);
      expect((await getCase('api-spring-festival')).body.deadlines.overdue).toBe(false);
      fixedNowMs += 1;
      expect((await getCase('api-spring-festival')).body.deadlines).toEqual({ ...onTime, overdue: true });
    } finally {
      fixedNowMs = undefined;
    }
  });

  it('refuses an acceptance before receipt or in the future, and an extension of anything but a report', async () => {
    const now = Date.now();
    const reply = await ts.ingest([
      makeCase('bad-accept-early', { receivedAt: iso(now - HOUR_MS), acceptedAt: iso(now - 2 * HOUR_MS) }),
      makeCase('bad-accept-future', { receivedAt: iso(now - HOUR_MS), acceptedAt: iso(now + 2 * HOUR_MS) }),
      makeCase('bad-extension', { extendedDays: 15 }),
      makeCase('bad-extension-days', { kind: 'report', extendedDays: 10 }),
    ]);
    expect(reply.status).toBe(422);
    expect(reply.body.rejected.map((r) => [r.id, r.errors])).toEqual([
      ['bad-accept-early', ['acceptedAt: must not be earlier than receivedAt']],
      ['bad-accept-future', ['acceptedAt: is in the future']],
      ['bad-extension', ['extendedDays: only the verification of a report can be extended']],
      ['bad-extension-days', ['extendedDays: must be 0 or 15']],
    ]);
    expect((await getCase('bad-accept-early')).status).toBe(404);
  });
});
