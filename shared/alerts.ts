// Hot-issue alerts: the lifecycle, the severity rule and the contract of /api/v1/alerts (docs/api.md).
// Detectors report signals (alert-signals.ts); the alerts domain (server/alerts/) groups the signals
// of one event into one alert, and people acknowledge, dismiss or escalate it.
import { z } from 'zod';
import { SIGNAL_KINDS, type DetectorSignal, type SignalKind } from './alert-signals';
import { SEVERITY_CODES } from './incidents';
import { isValidScope } from './regions';
import { HOUR_MS } from './time';
import type { AlertSummary } from './wall-events';

export type { AlertSparkline, AlertSummary } from './wall-events';

export const ALERT_STATUSES = ['open', 'acknowledged', 'escalated', 'dismissed', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];
/** What a wall lists: alerts still being dealt with. */
export const ACTIVE_ALERT_STATUSES: readonly AlertStatus[] = ['open', 'acknowledged', 'escalated'];

export function isActiveAlert(status: AlertStatus): boolean {
  return ACTIVE_ALERT_STATUSES.includes(status);
}

/**
 * Every change of status, once: who may make it and from which states. People act through the API
 * (the actor is their token's name); `system` changes follow the signals (actor `system`).
 */
export const ALERT_TRANSITIONS = {
  ack: { by: 'person', from: ['open'], to: 'acknowledged', event: 'acknowledged' },
  escalate: { by: 'person', from: ['open', 'acknowledged'], to: 'escalated', event: 'escalated' },
  dismiss: { by: 'person', from: ['open', 'acknowledged'], to: 'dismissed', event: 'dismissed' },
  resolve: { by: 'system', from: ['open', 'acknowledged', 'escalated'], to: 'resolved', event: 'resolved' },
  reopen: { by: 'system', from: ['resolved'], to: 'open', event: 'reopened' },
} as const satisfies Record<
  string,
  { by: 'person' | 'system'; from: readonly AlertStatus[]; to: AlertStatus; event: AlertEventType }
>;

export type AlertAction = keyof typeof ALERT_TRANSITIONS;
export type PersonAction = {
  [A in AlertAction]: (typeof ALERT_TRANSITIONS)[A]['by'] extends 'person' ? A : never;
}[AlertAction];
export const PERSON_ACTIONS = (Object.keys(ALERT_TRANSITIONS) as AlertAction[]).filter(
  (a) => ALERT_TRANSITIONS[a].by === 'person',
) as PersonAction[];

export function mayTransition(action: AlertAction, status: AlertStatus): boolean {
  return (ALERT_TRANSITIONS[action].from as readonly AlertStatus[]).includes(status);
}

/** What a person may still do to an alert in this state: the `allowed` of a 409. */
export function allowedActions(status: AlertStatus): PersonAction[] {
  return PERSON_ACTIONS.filter((action) => mayTransition(action, status));
}

/** No signal for this long: the event has fallen back, the alert resolves itself (hysteresis). */
export const ALERT_QUIET_MS = 3 * HOUR_MS;
/** A resolved alert whose signals come back within this long reopens instead of a new one opening. */
export const ALERT_REOPEN_MS = 24 * HOUR_MS;
export const ALERT_CASE_IDS_MAX = 500;
export const SPARKLINE_HOURS = 48;

export type Severity = AlertSummary['severity'];
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high'];

/** Provinces touched by a list of adcodes. */
export function provincesOf(regionCodes: readonly string[]): Set<string> {
  return new Set(regionCodes.map((code) => code.slice(0, 2)));
}

/**
 * The severity rule (docs/api.md). By how rare the finding is by chance: recurrence under 30 days low,
 * 30 days to a year medium, a year or more high. One level up when it has spread: two or more
 * detectors agree, or three or more regions, or two or more provinces. A handful of cases (under 5)
 * is never high, however improbable: three cases in a quiet county is worth a look, not a siren.
 */
export function alertSeverity(a: {
  recurrenceDays: number;
  kinds: readonly SignalKind[];
  regionCodes: readonly string[];
  observed: number;
}): Severity {
  let level = a.recurrenceDays >= 365 ? 2 : a.recurrenceDays >= 30 ? 1 : 0;
  const spread = a.kinds.length >= 2 || a.regionCodes.length >= 3 || provincesOf(a.regionCodes).size >= 2;
  if (spread) level += 1;
  if (a.observed < 5) level = Math.min(level, 1);
  return SEVERITIES[Math.min(level, 2)];
}

/** One detector finding behind an alert: its latest figures, kept per signal key. */
export type AlertSignal = Omit<DetectorSignal, 'pValue'>;

/** An alert as the API returns it and its change events carry it; times in UTC ISO 8601. */
export interface Alert extends AlertSummary {
  /** 1 when opened, +1 with each change */
  version: number;
  openedBy: string;
  updatedBy: string;
  /** the note of the latest person's change, if they gave one */
  note: string | null;
  /** the findings behind it, strongest first */
  signals: AlertSignal[];
}

export const ALERT_EVENT_TYPES = [
  'opened',
  'updated',
  'acknowledged',
  'escalated',
  'dismissed',
  'resolved',
  'reopened',
] as const;
export type AlertEventType = (typeof ALERT_EVENT_TYPES)[number];

/** A line of an alert's log as GET /api/v1/alerts/:id returns it. */
export interface AlertLogEntry {
  version: number;
  type: AlertEventType;
  at: string;
  actor: string;
  status: AlertStatus;
  severity: Severity;
  note: string | null;
}

export interface AlertListReply {
  alerts: Alert[];
}

export interface AlertDetailReply {
  alert: Alert;
  log: AlertLogEntry[];
  /** the newest cases of the alert's slice since it started, at most ALERT_CASE_IDS_MAX */
  caseIds: string[];
}

/** C0/C1 controls (line breaks included) and bidi overrides: a note is shown on one line. */
const CONTROL_CHARS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
export const ALERT_NOTE_MAX_CHARS = 200;

export const alertActionSchema = z.strictObject({
  note: z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .refine((t) => [...t].length <= ALERT_NOTE_MAX_CHARS, `must be at most ${ALERT_NOTE_MAX_CHARS} characters`)
    .refine((t) => !CONTROL_CHARS.test(t), 'must not contain control characters or line breaks')
    .optional(),
});
export type AlertActionInput = z.infer<typeof alertActionSchema>;

/** POST /api/v1/alerts/:id/escalate: the incident's severity, else the one its regions suggest. */
export const alertEscalateSchema = alertActionSchema.extend({
  severity: z.enum(SEVERITY_CODES, { message: 'must be one of I, II, III, IV' }).optional(),
});
export type AlertEscalateInput = z.infer<typeof alertEscalateSchema>;

const isoWithOffset = z.iso.datetime({
  offset: true,
  message: 'must be ISO 8601 with an offset, e.g. 2026-03-15T18:00:00+08:00',
});

export const alertListQuerySchema = z
  .strictObject({
    /** absent: every scope; else alerts with a region in the scope (or below it) */
    scope: z.string().refine(isValidScope, 'must be "national" or a shipped adcode').optional(),
    /** active (default): open, acknowledged or escalated; all; or one status */
    status: z.enum(['active', 'all', ...ALERT_STATUSES]).default('active'),
    /** alerts updated at or after `from` and opened before `to` */
    from: isoWithOffset.optional(),
    to: isoWithOffset.optional(),
  })
  .refine((q) => !q.from || !q.to || Date.parse(q.from) < Date.parse(q.to), {
    message: 'must be before to',
    path: ['from'],
  });
export type AlertListQuery = z.infer<typeof alertListQuerySchema>;

export { SIGNAL_KINDS };
