// Deadlines per case, as the ingest, the simulator and a detector call them: microseconds per call
// on the holiday calendar (caseDeadlines, the first API's dueAt, the day-number API) and the time
// to build the working-day index. Median of several rounds over the same pseudo-random cases.
import { performance } from 'node:perf_hooks';
import { SHIPPED_CALENDAR_YEARS, WorkingCalendar } from '@shared/calendar';
import type { Kind } from '@shared/codes';
import { caseDeadlines, dueAt } from '@shared/deadlines';

const CALLS = 200_000;
const ROUNDS = 5;
const KINDS: Kind[] = ['consultation', 'complaint', 'complaint', 'report'];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function microsPerCall(run: () => void): number {
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    const start = performance.now();
    run();
    rounds.push(((performance.now() - start) * 1000) / CALLS);
  }
  return median(rounds);
}

export function deadlinesBench(): Array<{ what: string; microsPerCall: number }> {
  // cases received over 2025-2026 at any minute, a third of the complaints accepted a few days later
  const start = Date.parse('2025-01-01T00:00:00+08:00');
  const cases = Array.from({ length: CALLS }, (_, i) => {
    const receivedAtMs = start + ((i * 7_919_993) % (730 * 86_400_000));
    const kind = KINDS[i % KINDS.length];
    const accepted = kind === 'complaint' && i % 3 === 0 ? receivedAtMs + 3 * 86_400_000 : undefined;
    return { kind, receivedAtMs, accepted };
  });
  let sink = 0;
  const calendar = new WorkingCalendar(SHIPPED_CALENDAR_YEARS);
  const rows = [
    {
      what: 'caseDeadlines (ISO + ms, mixed kinds)',
      microsPerCall: microsPerCall(() => {
        for (const c of cases)
          sink += caseDeadlines({ kind: c.kind, receivedAt: c.receivedAtMs, acceptedAt: c.accepted }).dueAtMs;
      }),
    },
    {
      what: 'dueAt (first API, Date in and out)',
      microsPerCall: microsPerCall(() => {
        for (const c of cases) sink += dueAt(c.kind, new Date(c.receivedAtMs)).getTime();
      }),
    },
    {
      what: 'WorkingCalendar.addWorkingDays (day numbers)',
      microsPerCall: microsPerCall(() => {
        for (const c of cases) sink += calendar.addWorkingDays(Math.floor(c.receivedAtMs / 86_400_000), 45);
      }),
    },
  ];
  const buildStart = performance.now();
  for (let i = 0; i < 100; i += 1) sink += new WorkingCalendar(SHIPPED_CALENDAR_YEARS).addWorkingDays(20_000, 1);
  rows.push({
    what: 'new WorkingCalendar (index of 10 years)',
    microsPerCall: ((performance.now() - buildStart) * 1000) / 100,
  });
  if (sink === 0) console.log('(unused)');
  return rows;
}
