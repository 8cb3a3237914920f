// Stored deadlines follow the calendar. A case's due_at is computed at ingest with the calendar in
// force; a year added later (the administrator's file, a package update) or corrected changes the
// deadlines that count days in it, and those computed for a year without data were provisional.
// At start, each calendar year's dates are compared with the digest recorded when the stored
// deadlines were last brought up to date (calendar_years_applied); for the years added, changed or
// removed since, the open cases whose clock may run through them get their deadline recomputed,
// written as a new head version 1 ms after the current one (same fields, the new due_at), so every
// rollup moves the case with its usual -1/+1. Then the years are recorded.
import { createHash } from 'node:crypto';
import type { CalendarYear } from '@shared/calendar/calendar-schema';
import { firstDayOfYear, endOfDayMs } from '@shared/calendar/cst-day';
import type { WorkingCalendar } from '@shared/calendar';
import type { Kind } from '@shared/codes';
import { caseDeadlines } from '@shared/deadlines';
import { DAY_MS } from '@shared/time';
import type { ClickHouse } from '../clickhouse/client';
import { runQuery } from '../clickhouse/define-query';
import type { CaseVersion } from '../ingest/case-row';
import type { IngestQueue } from '../ingest/ingest-queue';
import type { Logger } from '../ops/logger';
import { calendarYearsApplied } from '../queries/calendar/calendar-years-applied';
import { caseVersionsByIds } from '../queries/cases/case-versions-by-id';
import { openCasesDueFrom } from '../queries/cases/open-cases-due-from';

/** Recorded for a year the calendar has no data for (counted Monday to Friday). */
const NO_DATA = 'none';
/** A clock starts at most this long before the year it runs into (a complaint accepted late, then 45 working days). */
const LONGEST_CLOCK_MS = 400 * DAY_MS;
const IDS_PER_READ = 2000;

/** The dates that make a year's working days; the holiday names do not change a deadline. */
export function yearDigest(year: CalendarYear): string {
  const dates = { holidays: Object.keys(year.holidays).sort(), workdays: Object.keys(year.workdays).sort() };
  return createHash('sha256').update(JSON.stringify(dates)).digest('hex').slice(0, 32);
}

/** Years whose dates differ from what the stored deadlines were computed with. */
export function changedYears(
  years: readonly CalendarYear[],
  applied: ReadonlyMap<number, string>,
): Map<number, string> {
  const now = new Map(years.map((y) => [y.year, yearDigest(y)]));
  const changed = new Map<number, string>();
  for (const [year, digest] of now) if (applied.get(year) !== digest) changed.set(year, digest);
  for (const [year, digest] of applied) if (!now.has(year) && digest !== NO_DATA) changed.set(year, NO_DATA);
  return changed;
}

export interface RecomputeResult {
  years: number[];
  /** open cases looked at, and those whose deadline moved (a new version written) */
  examined: number;
  recomputed: number;
}

export interface RecomputeDeps {
  clickhouse: ClickHouse;
  queue: IngestQueue;
  years: readonly CalendarYear[];
  calendar: WorkingCalendar;
  logger: Logger;
}

export async function recomputeDeadlines({
  clickhouse,
  queue,
  years,
  calendar,
  logger,
}: RecomputeDeps): Promise<RecomputeResult> {
  const changed = changedYears(years, await runQuery(clickhouse, calendarYearsApplied, undefined));
  if (changed.size === 0) return { years: [], examined: 0, recomputed: 0 };
  const changedList = [...changed.keys()].sort((a, b) => a - b);
  const fromMs = endOfDayMs(firstDayOfYear(changedList[0]) - 1) + 1;
  const toMs = endOfDayMs(firstDayOfYear(changedList[changedList.length - 1] + 1) - 1);
  const ids = await runQuery(clickhouse, openCasesDueFrom, {
    dueFromMs: fromMs,
    receivedFromMs: fromMs - LONGEST_CLOCK_MS,
    receivedToMs: toMs,
  });
  let recomputed = 0;
  for (let i = 0; i < ids.length; i += IDS_PER_READ) {
    const versions = await runQuery(clickhouse, caseVersionsByIds, { ids: ids.slice(i, i + IDS_PER_READ) });
    const moved = [...versions.values()].flatMap((history) => movedHead(history[history.length - 1], calendar, logger));
    if (moved.length === 0) continue;
    const { refused } = await queue.submit(moved);
    recomputed += moved.length - refused.size;
  }
  await clickhouse.insert(
    'calendar_years_applied',
    [...changed].map(([year, digest]) => ({ year, digest })),
  );
  logger.info({ years: changedList, examined: ids.length, recomputed }, 'deadlines recomputed for the calendar');
  return { years: changedList, examined: ids.length, recomputed };
}

/** The head with its deadline recomputed, as a version 1 ms newer; none when the deadline stands. */
function movedHead(head: CaseVersion, calendar: WorkingCalendar, logger: Logger): CaseVersion[] {
  try {
    const d = caseDeadlines(
      {
        kind: head.kind as Kind,
        receivedAt: head.receivedAtMs,
        acceptedAt: head.acceptedAtMs ?? undefined,
        extendedDays: head.extendedDays ?? 0,
      },
      calendar,
    );
    // due_at is stored to the second
    const dueAtMs = Math.floor(d.dueAtMs / 1000) * 1000;
    if (dueAtMs === head.dueAtMs) return [];
    return [{ ...head, versionAtMs: head.versionAtMs + 1, dueAtMs: d.dueAtMs }];
  } catch (error) {
    logger.warn({ id: head.id, err: (error as Error).message }, 'deadline not recomputed');
    return [];
  }
}
