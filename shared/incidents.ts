// Emergency incidents (突发事件): a mass food-poisoning, a prepaid-card chain gone overnight, a product
// accident. The contract of /api/v1/incidents (docs/api.md), the states and the one transition table
// every part of the project reads. Clocks and the suggested severity: shared/incident-rules.ts.
import { z } from 'zod';
import { CATEGORY_CODES, type Category, type CodeLabel } from './codes';
import { isKnownRegion, isValidScope } from './regions';

/** 特别重大, 重大, 较大, 一般: I is the gravest. A recorded decision, changed by people, never by the system. */
export const SEVERITIES = {
  I: { zh: '特别重大', en: 'Extremely serious' },
  II: { zh: '重大', en: 'Serious' },
  III: { zh: '较大', en: 'Major' },
  IV: { zh: '一般', en: 'General' },
} as const satisfies Record<string, CodeLabel>;
export type Severity = keyof typeof SEVERITIES;
export const SEVERITY_CODES = Object.keys(SEVERITIES) as [Severity, ...Severity[]];

export const INCIDENT_STATUSES = {
  reported: { zh: '已报告', en: 'Reported' },
  verified: { zh: '已核实', en: 'Verified' },
  responding: { zh: '处置中', en: 'Responding' },
  contained: { zh: '已控制', en: 'Contained' },
  closed: { zh: '已结束', en: 'Closed' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
} as const satisfies Record<string, CodeLabel>;
export type IncidentStatus = keyof typeof INCIDENT_STATUSES;
export const INCIDENT_STATUS_CODES = Object.keys(INCIDENT_STATUSES) as [IncidentStatus, ...IncidentStatus[]];

/**
 * Where each state may go: forward through the response, cancelled before anyone responds, and back
 * from contained to responding when it flares up again. Closed and cancelled are final.
 */
export const INCIDENT_TRANSITIONS: Record<IncidentStatus, readonly IncidentStatus[]> = {
  reported: ['verified', 'cancelled'],
  verified: ['responding', 'cancelled'],
  responding: ['contained'],
  contained: ['closed', 'responding'],
  closed: [],
  cancelled: [],
};

export function isIncidentActive(status: IncidentStatus): boolean {
  return INCIDENT_TRANSITIONS[status].length > 0;
}

export const INCIDENT_TITLE_MAX_CHARS = 80;
export const INCIDENT_TEXT_MAX_CHARS = 2000;

/** C0/C1 controls and bidi overrides; line breaks and tabs are allowed where the text may span lines. */
const CONTROL_CHARS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;
const LINE_BREAK = /[\n\r\t]/g;

function text(maxChars: number, multiline: boolean) {
  return z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .refine((t) => [...t].length <= maxChars, `must be at most ${maxChars} characters`)
    .refine(
      (t) => !CONTROL_CHARS.test(multiline ? t.replace(LINE_BREAK, '') : t),
      multiline ? 'must not contain control characters' : 'must not contain control characters or line breaks',
    );
}

function distinctList<T extends z.ZodType<string>>(item: T, max: number) {
  return z
    .array(item)
    .max(max, `must hold at most ${max} items`)
    .refine((items) => new Set(items).size === items.length, 'must not repeat an item');
}

const isoWithOffset = z.iso.datetime({
  offset: true,
  message: 'must be ISO 8601 with an offset, e.g. 2026-03-15T18:00:00+08:00',
});
const regionCode = z.string().refine(isKnownRegion, 'must be a shipped 6-digit adcode');
const reference = text(64, false);
const person = text(40, false);

export const incidentPostSchema = z.strictObject({
  title: text(INCIDENT_TITLE_MAX_CHARS, false),
  severity: z.enum(SEVERITY_CODES, { message: 'must be one of I, II, III, IV' }),
  regionCodes: distinctList(regionCode, 50).min(1, 'must name at least one region'),
  category: z.enum(CATEGORY_CODES).optional(),
  description: text(INCIDENT_TEXT_MAX_CHARS, true).optional(),
  leadUnit: text(60, false).optional(),
  assignees: distinctList(person, 20).optional(),
  alertIds: distinctList(reference, 200).optional(),
  caseIds: distinctList(reference, 5000).optional(),
});

export const incidentPatchSchema = z
  .strictObject({
    status: z.enum(INCIDENT_STATUS_CODES).optional(),
    severity: z.enum(SEVERITY_CODES, { message: 'must be one of I, II, III, IV' }).optional(),
    /** a line for the timeline; alone it is still a change (a new version) */
    note: text(500, true).optional(),
    assignees: distinctList(person, 20).optional(),
    /** null: no lead unit any more */
    leadUnit: text(60, false).nullable().optional(),
    /** when someone from the response reached the scene: not in the future, never earlier than recorded */
    onSiteAt: isoWithOffset.optional(),
    /** the version the editor saw; a newer one stored means someone else changed it (409) */
    expectedVersion: z.number().int().min(1).optional(),
  })
  .refine((p) => Object.keys(p).some((key) => key !== 'expectedVersion'), {
    message: 'must change status, severity, note, assignees, leadUnit or onSiteAt',
    path: ['(incident)'],
  });

export const incidentListQuerySchema = z.strictObject({
  /** absent: every scope; else the incidents that concern it (their regions and the scopes above them) */
  scope: z.string().refine(isValidScope, 'must be "national" or a shipped adcode').optional(),
  /** a state, `active` (not closed or cancelled) or `all` (the default) */
  status: z.enum([...INCIDENT_STATUS_CODES, 'active', 'all']).default('all'),
});

export type IncidentPost = z.infer<typeof incidentPostSchema>;
export type IncidentPatch = z.infer<typeof incidentPatchSchema>;
export type IncidentListQuery = z.infer<typeof incidentListQuerySchema>;

/** The milestones: each set by the server's clock (onSiteAt by a person), and only ever moved forward. */
export const MILESTONES = ['verifiedAt', 'onSiteAt', 'containedAt', 'closedAt', 'cancelledAt'] as const;
export type Milestone = (typeof MILESTONES)[number];

/** What the event log stores of an incident: its whole state after each event. Times in UTC ISO 8601. */
export interface IncidentRecord extends Record<Milestone, string | null> {
  id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  regionCodes: string[];
  category: Category | null;
  description: string | null;
  leadUnit: string | null;
  assignees: string[];
  alertIds: string[];
  caseIds: string[];
  /** 1 when reported, +1 with each change */
  version: number;
  openedAt: string;
  openedBy: string;
  updatedAt: string;
  updatedBy: string;
}

export type ClockName = 'verified' | 'onSite' | 'contained';

/** A response clock: due `dueAt`; met when its milestone was reached; breached when met late or overrun. */
export interface ResponseClock {
  name: ClockName;
  dueAt: string;
  metAt: string | null;
  breached: boolean;
}

export interface NextClock {
  name: ClockName;
  dueAt: string;
  breached: boolean;
}

/** An incident as the API returns it: the record plus what the server derives at the time of asking. */
export interface Incident extends IncidentRecord {
  /** from the spread of its regions (shared/incident-rules.ts); a person decides `severity` */
  suggestedSeverity: Severity;
  clocks: ResponseClock[];
  /** the running clock due first; absent once none runs (all met, or the incident ended) */
  nextClock?: NextClock;
}

export interface TimelineEntry {
  at: string;
  actor: string;
  /** reported, status, severity, onSite, leadUnit, assignees, note */
  action: string;
  from?: string;
  to?: string;
  note?: string;
}

export interface IncidentWithTimeline extends Incident {
  /** oldest first */
  timeline: TimelineEntry[];
}

export interface IncidentListReply {
  incidents: Incident[];
}
