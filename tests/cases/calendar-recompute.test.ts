// The calendar on a real server: /healthz warns (200) about a missing current or next year, and an
// administrator's file that changes a year recomputes the stored deadlines of the open cases whose
// clock runs through it, once, at the next start. The changed year is made from the shipped one (or
// from nothing, for a year without data) plus one extra day off inside a case's clock, so the test
// holds whatever years the package ships.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCalendar, SHIPPED_CALENDAR_YEARS } from '@shared/calendar';
import { DEFAULT_CALENDAR_FILE_NAME } from '@shared/calendar/calendar-file';
import { cstDayOf, dateOfDay, weekdayOfDay, yearOfDay } from '@shared/calendar/cst-day';
import type { CaseView } from '@shared/case-view';
import { caseDeadlines } from '@shared/deadlines';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';

const HOUR_MS = 3_600_000;
const receivedMs = Date.now() - 2 * HOUR_MS;
const acceptedMs = receivedMs + HOUR_MS;

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(async () => {
  await ts.stop();
});

async function getCase(id: string): Promise<CaseView> {
  const response = await fetch(`${ts.baseUrl}/api/v1/cases/${id}`, {
    headers: { authorization: `Bearer ${ts.token('director')}` },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as CaseView;
}

async function storedDueAtMs(id: string): Promise<number> {
  const rows = await ts.server.clickhouse.query<{ due_ms: number }>(
    'test:due',
    'SELECT toUnixTimestamp(due_at) * 1000 AS due_ms FROM case_heads FINAL WHERE id = {id:String}',
    { id },
  );
  return rows[0].due_ms;
}

async function healthz() {
  const response = await fetch(`${ts.baseUrl}/healthz`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A Monday-to-Friday working day inside the mediation clock of the accepted complaint: its last one. */
function dayOffInsideClock(): number {
  const calendar = activeCalendar();
  const due = cstDayOf(caseDeadlines({ kind: 'complaint', receivedAt: receivedMs, acceptedAt: acceptedMs }).dueAtMs);
  for (let day = due; day > cstDayOf(acceptedMs); day -= 1)
    if (calendar.isWorkingDay(day) && weekdayOfDay(day) < 5) return day;
  throw new Error('no weekday inside the clock');
}

describe('the working-day calendar on a server', () => {
  it('/healthz stays 200 and names the current or next year the calendar lacks', async () => {
    const year = new Date(Date.now() + 8 * HOUR_MS).getUTCFullYear();
    const shipped = new Set(SHIPPED_CALENDAR_YEARS.map((y) => y.year));
    const missing = [year, year + 1].filter((y) => !shipped.has(y));
    const { status, body } = await healthz();
    expect(status).toBe(200);
    expect(body.missingCalendarYears).toEqual(missing);
    expect(body.warnings).toEqual(missing.map((y) => expect.stringContaining(`no ${y}`)));
  });

  it('recomputes the open cases whose clock runs through a changed year, once, at the next start', async () => {
    const at = (ms: number) => new Date(ms).toISOString();
    const reply = await ts.ingest([
      makeCase('rc-mediating', {
        receivedAt: at(receivedMs),
        updatedAt: at(acceptedMs),
        acceptedAt: at(acceptedMs),
        status: 'mediating',
      }),
      makeCase('rc-closed', {
        receivedAt: at(receivedMs),
        updatedAt: at(acceptedMs),
        acceptedAt: at(acceptedMs),
        status: 'closed',
      }),
      makeCase('rc-consult', { kind: 'consultation', receivedAt: at(receivedMs) }),
    ]);
    expect(reply.body.rejected).toEqual([]);
    const before = await getCase('rc-mediating');
    expect(await storedDueAtMs('rc-mediating')).toBe(Math.floor(Date.parse(before.deadlines.dueAt) / 1000) * 1000);

    // the administrator adds a day off (or the year) inside the mediation clock
    const dayOff = dayOffInsideClock();
    const year = yearOfDay(dayOff);
    const base = SHIPPED_CALENDAR_YEARS.find((y) => y.year === year) ?? { year, holidays: {}, workdays: {} };
    const changed = { ...base, holidays: { ...base.holidays, [dateOfDay(dayOff)]: '测试假日' } };
    fs.writeFileSync(
      path.join(ts.dataDir, DEFAULT_CALENDAR_FILE_NAME),
      JSON.stringify({ source: 'test', years: [changed] }),
    );
    await ts.stop();
    ts = await startTestServer({ dataDir: ts.dataDir });

    const after = await getCase('rc-mediating');
    const expected = caseDeadlines({ kind: 'complaint', receivedAt: receivedMs, acceptedAt: acceptedMs });
    expect(after.deadlines.dueAt).toBe(expected.dueAt);
    expect(Date.parse(after.deadlines.dueAt)).toBeGreaterThan(Date.parse(before.deadlines.dueAt));
    expect(await storedDueAtMs('rc-mediating')).toBe(Math.floor(expected.dueAtMs / 1000) * 1000);
    // the recompute is a new head version 1 ms after the last, the case otherwise unchanged
    expect(after.versions).toHaveLength(2);
    expect(Date.parse(after.versions[1].updatedAt) - Date.parse(after.versions[0].updatedAt)).toBe(1);
    expect(after.versions[1]).toMatchObject({ ...before.versions[0], updatedAt: after.versions[1].updatedAt });
    // a closed case keeps its history; a consultation due before the changed day is not touched
    expect((await getCase('rc-closed')).versions).toHaveLength(1);
    expect((await getCase('rc-consult')).versions).toHaveLength(1);

    // the open-case rollup moved the case with the version: still one open case per id
    const open = await ts.server.clickhouse.query<{ n: number }>(
      'test:open',
      'SELECT toInt64(sum(cases)) AS n FROM open_cases',
    );
    expect(open[0].n).toBe(2);

    // the same calendar at the next start: nothing left to recompute
    await ts.stop();
    ts = await startTestServer({ dataDir: ts.dataDir });
    expect((await getCase('rc-mediating')).versions).toHaveLength(2);
  });
});
