// The administrator's calendar file end to end: the first year the package does not ship (2027 with
// chinese-days 1.5.7) is missing, so /healthz and the wall warn and a complaint received on 28
// December has a provisional acceptance deadline counted Monday to Friday. Writing that year into
// DATA_DIR/calendar-extra.json and restarting moves the deadline (New Year's days off), stored and
// served, and the warnings go. The server's clock is set to that December, whatever today is.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SHIPPED_CALENDAR_YEARS, WorkingCalendar } from '@shared/calendar';
import { DEFAULT_CALENDAR_FILE_NAME } from '@shared/calendar/calendar-file';
import type { CaseView } from '@shared/case-view';
import { caseDeadlines } from '@shared/deadlines';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';
import { connectWall, mergedState } from '../live/wall-client';

const year = Math.max(...SHIPPED_CALENDAR_YEARS.map((y) => y.year)) + 1;
const receivedAt = `${year - 1}-12-28T10:00:00+08:00`;
const clockMs = Date.parse(`${year - 1}-12-29T10:00:00+08:00`);
const clock = { now: () => clockMs };
// the added year: New Year's three days off (at least one of them a weekday inside the 7-day clock)
const added = {
  year,
  holidays: { [`${year}-01-01`]: '元旦', [`${year}-01-02`]: '元旦', [`${year}-01-03`]: '元旦' },
  workdays: {},
};

let ts: TestServer | undefined;
afterAll(async () => {
  await ts?.stop();
});

async function getCase(server: TestServer, id: string): Promise<CaseView> {
  const response = await fetch(`${server.baseUrl}/api/v1/cases/${id}`, {
    headers: { authorization: `Bearer ${server.token('director')}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as CaseView;
}

async function storedDueAtMs(server: TestServer, id: string): Promise<number> {
  const rows = await server.server.clickhouse.query<{ due_ms: number }>(
    'test:due',
    'SELECT toUnixTimestamp(due_at) * 1000 AS due_ms FROM case_heads FINAL WHERE id = {id:String}',
    { id },
  );
  return Number(rows[0].due_ms);
}

async function warnings(server: TestServer) {
  const health = (await (await fetch(`${server.baseUrl}/healthz`)).json()) as {
    missingCalendarYears: number[];
    warnings: string[];
  };
  const wall = connectWall(server.baseUrl, { token: server.token('wall') });
  try {
    await wall.subscribe('national');
    await wall.waitFor((p) => p.panels.kpis !== undefined, 'the KPIs');
    return { health, wall: mergedState(wall.payloads)!.panels.kpis.missingCalendarYears };
  } finally {
    wall.close();
  }
}

describe(`adding ${year} through DATA_DIR/${DEFAULT_CALENDAR_FILE_NAME}`, () => {
  it('moves the deadlines that run into it, stored and served, and the warnings go', async () => {
    ts = await startTestServer({ tickMs: 200 }, clock);
    const before = await warnings(ts);
    expect(before.health.missingCalendarYears).toEqual([year]);
    expect(before.health.warnings).toEqual([expect.stringContaining(`no ${year}`)]);
    expect(before.wall).toEqual([year]);

    const reply = await ts.ingest([makeCase('cal-added-complaint', { receivedAt }, clockMs)]);
    expect(reply.body.rejected).toEqual([]);
    const provisional = (await getCase(ts, 'cal-added-complaint')).deadlines;
    const shipped = new WorkingCalendar(SHIPPED_CALENDAR_YEARS);
    expect(provisional).toMatchObject({
      acceptBy: caseDeadlines({ kind: 'complaint', receivedAt }, shipped).acceptBy,
      provisional: true,
      overdue: false,
    });
    const storedBefore = await storedDueAtMs(ts, 'cal-added-complaint');

    fs.writeFileSync(
      path.join(ts.dataDir, DEFAULT_CALENDAR_FILE_NAME),
      JSON.stringify({ source: 'test: the State Council notice for the year', years: [added] }),
    );
    await ts.stop();
    ts = await startTestServer({ tickMs: 200, dataDir: ts.dataDir }, clock);

    const withYear = new WorkingCalendar([...SHIPPED_CALENDAR_YEARS, added]);
    const expected = caseDeadlines({ kind: 'complaint', receivedAt }, withYear);
    const after = (await getCase(ts, 'cal-added-complaint')).deadlines;
    expect(after).toMatchObject({ acceptBy: expected.acceptBy, dueAt: expected.acceptBy, provisional: false });
    expect(Date.parse(after.acceptBy!)).toBeGreaterThan(Date.parse(provisional.acceptBy!));
    expect(after.acceptBy!.startsWith(`${year}-01-`)).toBe(true);
    // the stored deadline (the latest lawful closure, 7 + 45 working days) was recomputed at the start
    expect(await storedDueAtMs(ts, 'cal-added-complaint')).toBeGreaterThan(storedBefore);

    const gone = await warnings(ts);
    expect(gone.health.missingCalendarYears).toEqual([]);
    expect(gone.health.warnings).toEqual([]);
    expect(gone.wall).toEqual([]);
  }, 60_000);
});
