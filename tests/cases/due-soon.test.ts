// Overdue and due-soon counts on a real wall, by region and in the KPIs: the server's clock is set to
// the 6th working day after the cases' receipt (holiday calendar), where a consultation (1 working
// day) is overdue, a complaint's acceptance (7) is due soon (by the end of the 2nd working day from
// today) and a report's verification (15) is neither. Cases are received an hour before the real
// clock; only the server's clock moves (open_cases keeps no time window). Of the two closed, one was
// answered late: the on-time closure rate is one half.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeCalendar } from '@shared/calendar';
import { cstDayOf, endOfDayMs } from '@shared/calendar/cst-day';
import { makeCase, startTestServer, type TestServer } from '../helpers/test-server';
import { connectWall, mergedState, type WallClient } from '../live/wall-client';

const HOUR_MS = 3_600_000;
const receivedMs = Date.now() - HOUR_MS;
// noon, China time, of the 6th working day after the day of receipt
const clockMs = endOfDayMs(activeCalendar().addWorkingDays(cstDayOf(receivedMs), 6)) + 1 - 12 * HOUR_MS;
const clock = { now: () => clockMs };

let ts: TestServer;
let client: WallClient | undefined;
beforeAll(async () => {
  ts = await startTestServer({ tickMs: 200 }, clock);
});
afterAll(async () => {
  client?.close();
  await ts.stop();
});

describe('overdue and due-soon on the wall', () => {
  it('counts them by region and in the KPIs, against the holiday calendar', async () => {
    const at = new Date(receivedMs).toISOString();
    const reply = await ts.ingest([
      makeCase('ds-consult', { kind: 'consultation', receivedAt: at }),
      makeCase('ds-complaint', { receivedAt: at }),
      makeCase('ds-report', { kind: 'report', receivedAt: at, status: 'accepted' }),
      makeCase('ds-beijing', { receivedAt: at, regionCode: '110101' }),
      makeCase('ds-closed', { receivedAt: at, status: 'resolved' }),
      // answered five working days after its one-day deadline: a late closure
      makeCase('ds-closed-late', {
        kind: 'consultation',
        receivedAt: at,
        updatedAt: new Date(clockMs - HOUR_MS).toISOString(),
        status: 'resolved',
      }),
    ]);
    expect(reply.body.rejected).toEqual([]);

    client = connectWall(ts.baseUrl, { token: ts.token('wall') });
    await client.subscribe('national');
    await client.waitFor((p) => p.event === 'wall:snapshot', 'snapshot');
    // the workload is a slow group: wait for the refresh that has seen the cases
    await client.waitFor((p) => p.panels.kpis?.open === 4, 'open cases counted');
    const state = mergedState(client.payloads)!;
    expect(state.panels.kpis).toMatchObject({ open: 4, overdue: 1, dueSoon: 2 });
    // the on-time closure rate of the last 30 days: one closed on time, one late
    expect(state.panels.kpis).toMatchObject({ closed30d: 2, onTimeRate30d: 0.5 });
    expect(state.panels.kpis.missingCalendarYears).toEqual(activeCalendar().missingYears(clockMs));
    const row = (code: string) => state.panels.regions.find((r) => r.code === code);
    expect(row('420000')).toMatchObject({ open: 3, overdue: 1, dueSoon: 1 });
    expect(row('110000')).toMatchObject({ open: 1, overdue: 0, dueSoon: 1 });
    expect(row('440000')).toMatchObject({ open: 0, overdue: 0, dueSoon: 0 });
  });
});
