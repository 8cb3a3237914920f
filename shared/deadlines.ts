// Legal handling deadlines (SAMR 市场监督管理投诉举报处理暂行办法, 2019) on the national working-day
// calendar (shared/calendar: holidays and make-up working days). The day of receipt (or acceptance)
// is not counted, and a deadline ends with its working day: 23:59:59.999 China time. See
// docs/deadlines.md.
import { activeCalendar, type WorkingCalendar } from './calendar';
import { cstDayOf, endOfDayMs, isoCst } from './calendar/cst-day';
import type { Kind } from './codes';

/** Working days the measures allow, and the house limits for the kinds they do not cover. */
export const LEGAL_WORKING_DAYS = {
  /** a complaint is accepted or refused within 7 working days of receipt */
  acceptComplaint: 7,
  /** mediation ends within 45 working days of acceptance */
  mediateComplaint: 45,
  /** a report is verified within 15 working days of receipt, 30 when extended by 15 */
  verifyReport: 15,
  verifyReportExtension: 15,
  /** not in the measures: consultations are answered on the line or within one working day */
  answerConsultation: 1,
  /** not in the measures: suggestions get a reply within 15 working days, like a report */
  replySuggestion: 15,
} as const;

export const EXTENDED_DAYS = [0, LEGAL_WORKING_DAYS.verifyReportExtension] as const;

export interface CaseDeadlineInput {
  kind: Kind;
  /** ISO 8601 with offset, epoch ms or a Date */
  receivedAt: string | number | Date;
  /** complaints: when it was accepted; from then on the mediation clock runs */
  acceptedAt?: string | number | Date;
  /** reports: 0, or 15 when verification was extended */
  extendedDays?: number;
}

/** Deadlines as ISO times with +08:00 and as epoch ms; only the ones that apply to the case. */
export interface CaseDeadlines {
  acceptBy?: string;
  acceptByMs?: number;
  mediateBy?: string;
  mediateByMs?: number;
  verifyBy?: string;
  verifyByMs?: number;
  /** the deadline running now: accept, then mediate (complaints); verify (reports); answer / reply */
  dueAt: string;
  dueAtMs: number;
  /** a counted day lies in a year without holiday data, counted Monday to Friday: recompute when added */
  provisional: boolean;
}

function toMs(value: string | number | Date, field: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) throw new RangeError(`${field}: not a time: ${String(value)}`);
  return ms;
}

/** The first clock's working days from receipt, by kind (a report's grows by its extension). */
const FIRST_CLOCK_DAYS: Record<Kind, number> = {
  complaint: LEGAL_WORKING_DAYS.acceptComplaint,
  report: LEGAL_WORKING_DAYS.verifyReport,
  consultation: LEGAL_WORKING_DAYS.answerConsultation,
  suggestion: LEGAL_WORKING_DAYS.replySuggestion,
};

/** The deadlines as epoch ms: what the ingest stores for every case (no ISO text built). */
interface DeadlineTimes {
  acceptByMs?: number;
  mediateByMs?: number;
  verifyByMs?: number;
  dueAtMs: number;
  provisional: boolean;
}

function deadlineTimes(input: CaseDeadlineInput, calendar: WorkingCalendar): DeadlineTimes {
  const receivedMs = toMs(input.receivedAt, 'receivedAt');
  const received = cstDayOf(receivedMs);
  const extendedDays = input.extendedDays ?? 0;
  if (!(EXTENDED_DAYS as readonly number[]).includes(extendedDays))
    throw new RangeError(`extendedDays: must be ${EXTENDED_DAYS.join(' or ')}, got ${extendedDays}`);
  const workingDays = FIRST_CLOCK_DAYS[input.kind] + (input.kind === 'report' ? extendedDays : 0);
  let day = calendar.addWorkingDays(received, workingDays);
  let provisional = calendar.crossesUncovered(received, day);
  const firstMs = endOfDayMs(day);
  if (input.kind === 'report') return { verifyByMs: firstMs, dueAtMs: firstMs, provisional };
  if (input.kind !== 'complaint') return { dueAtMs: firstMs, provisional };
  if (input.acceptedAt === undefined) return { acceptByMs: firstMs, dueAtMs: firstMs, provisional };
  const acceptedMs = toMs(input.acceptedAt, 'acceptedAt');
  if (acceptedMs < receivedMs) throw new RangeError('acceptedAt: must not be before receivedAt');
  const accepted = cstDayOf(acceptedMs);
  day = calendar.addWorkingDays(accepted, LEGAL_WORKING_DAYS.mediateComplaint);
  provisional ||= calendar.crossesUncovered(accepted, day);
  const mediateByMs = endOfDayMs(day);
  return { acceptByMs: firstMs, mediateByMs, dueAtMs: mediateByMs, provisional };
}

/** The deadline running now as epoch ms (caseDeadlines(input).dueAtMs, without the rest). */
export function caseDueAtMs(input: CaseDeadlineInput, calendar: WorkingCalendar = activeCalendar()): number {
  return deadlineTimes(input, calendar).dueAtMs;
}

export function caseDeadlines(input: CaseDeadlineInput, calendar: WorkingCalendar = activeCalendar()): CaseDeadlines {
  const { acceptByMs, mediateByMs, verifyByMs, dueAtMs, provisional } = deadlineTimes(input, calendar);
  return {
    ...(acceptByMs !== undefined ? { acceptBy: isoCst(acceptByMs), acceptByMs } : {}),
    ...(mediateByMs !== undefined ? { mediateBy: isoCst(mediateByMs), mediateByMs } : {}),
    ...(verifyByMs !== undefined ? { verifyBy: isoCst(verifyByMs), verifyByMs } : {}),
    dueAt: isoCst(dueAtMs),
    dueAtMs,
    provisional,
  };
}

// ---- The first API, kept for its callers (server/ingest/case-row.ts, simulator/lifecycle.ts) ----

/**
 * Working days from receipt to the latest lawful closure, per kind: for a complaint 7 + 45, the
 * limit when it is accepted on the last allowed day. caseDeadlines gives the clock running now.
 */
export const DEADLINE_WORKING_DAYS: Record<Kind, number> = {
  consultation: LEGAL_WORKING_DAYS.answerConsultation,
  complaint: LEGAL_WORKING_DAYS.acceptComplaint + LEGAL_WORKING_DAYS.mediateComplaint,
  report: LEGAL_WORKING_DAYS.verifyReport,
  suggestion: LEGAL_WORKING_DAYS.replySuggestion,
};

/** The end (23:59:59.999 CST) of the working day `workingDays` after the CST day of `from`. */
export function addWorkingDays(from: Date, workingDays: number): Date {
  const calendar = activeCalendar();
  return new Date(endOfDayMs(calendar.addWorkingDays(cstDayOf(from.getTime()), workingDays)));
}

/** The latest lawful closure of a case received at `receivedAt` (see DEADLINE_WORKING_DAYS). */
export function dueAt(kind: Kind, receivedAt: Date): Date {
  return addWorkingDays(receivedAt, DEADLINE_WORKING_DAYS[kind]);
}
