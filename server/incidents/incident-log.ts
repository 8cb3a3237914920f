// The incident log's rows and the one function that applies an event to the current incidents and
// their timelines. Start-up folds the whole log through applyIncidentEvent, and every write applies
// its new event through it too, so memory is always what the log reproduces.
import type { IncidentRecord, IncidentStatus, Severity, TimelineEntry } from '@shared/incidents';
import type { Category } from '@shared/codes';
import { toDateTime64 } from '../clickhouse/datetime';
import { foldEvents } from '../domain/event-log';
import { eventColumns, eventHead, type EventColumns } from '../domain/event-row';
import { INCIDENT_EVENT_TYPES, type IncidentEvent, type IncidentField } from './events';

type Int = number | string;
type Time = Int | null;

/** A row of incident_events as inserted (times as ClickHouse DateTime64 text; absent texts empty). */
export interface IncidentEventInsert extends EventColumns {
  incident_id: string;
  changed: string[];
  note: string;
  title: string;
  severity: string;
  status: string;
  region_codes: string[];
  category: string;
  description: string;
  lead_unit: string;
  assignees: string[];
  alert_ids: string[];
  case_ids: string[];
  opened_at: string;
  opened_by: string;
  verified_at: string | null;
  on_site_at: string | null;
  contained_at: string | null;
  closed_at: string | null;
  cancelled_at: string | null;
}

/** A row as server/queries/incident-events.sql reads it (64-bit numbers may arrive as strings). */
export type IncidentEventRow = Omit<
  IncidentEventInsert,
  'version' | 'at' | 'opened_at' | 'verified_at' | 'on_site_at' | 'contained_at' | 'closed_at' | 'cancelled_at'
> & {
  version: Int;
  at_ms: Int;
  opened_at_ms: Int;
  verified_at_ms: Time;
  on_site_at_ms: Time;
  contained_at_ms: Time;
  closed_at_ms: Time;
  cancelled_at_ms: Time;
};

const toTime = (iso: string | null) => (iso === null ? null : toDateTime64(Date.parse(iso)));
const iso = (ms: Int) => new Date(Number(ms)).toISOString();
const isoOrNull = (ms: Time) => (ms === null ? null : iso(ms));

export function toInsert({ type, at, actor, changed, note, incident: i }: IncidentEvent): IncidentEventInsert {
  return {
    incident_id: i.id,
    ...eventColumns(i.version, type, at, actor),
    changed,
    note: note ?? '',
    title: i.title,
    severity: i.severity,
    status: i.status,
    region_codes: i.regionCodes,
    category: i.category ?? '',
    description: i.description ?? '',
    lead_unit: i.leadUnit ?? '',
    assignees: i.assignees,
    alert_ids: i.alertIds,
    case_ids: i.caseIds,
    opened_at: toDateTime64(Date.parse(i.openedAt)),
    opened_by: i.openedBy,
    verified_at: toTime(i.verifiedAt),
    on_site_at: toTime(i.onSiteAt),
    contained_at: toTime(i.containedAt),
    closed_at: toTime(i.closedAt),
    cancelled_at: toTime(i.cancelledAt),
  };
}

export function fromRow(row: IncidentEventRow): IncidentEvent {
  const head = eventHead(INCIDENT_EVENT_TYPES, row, `incident ${row.incident_id} v${row.version}`);
  return {
    ...head,
    changed: row.changed as IncidentField[],
    note: row.note || null,
    incident: {
      id: row.incident_id,
      title: row.title,
      severity: row.severity as Severity,
      status: row.status as IncidentStatus,
      regionCodes: row.region_codes,
      category: (row.category || null) as Category | null,
      description: row.description || null,
      leadUnit: row.lead_unit || null,
      assignees: row.assignees,
      alertIds: row.alert_ids,
      caseIds: row.case_ids,
      version: Number(row.version),
      openedAt: iso(row.opened_at_ms),
      openedBy: row.opened_by,
      updatedAt: head.at,
      updatedBy: row.actor,
      verifiedAt: isoOrNull(row.verified_at_ms),
      onSiteAt: isoOrNull(row.on_site_at_ms),
      containedAt: isoOrNull(row.contained_at_ms),
      closedAt: isoOrNull(row.closed_at_ms),
      cancelledAt: isoOrNull(row.cancelled_at_ms),
    },
  };
}

/** What a person reads of one event: one entry per changed field, the note on the first. */
export function timelineEntries(previous: IncidentRecord | undefined, event: IncidentEvent): TimelineEntry[] {
  const next = event.incident;
  const base = { at: event.at, actor: event.actor };
  const entry = (action: string, from: string | null | undefined, to: string | null | undefined): TimelineEntry => ({
    ...base,
    action,
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  });
  const entries: TimelineEntry[] = [];
  for (const field of event.changed) {
    if (field === 'reported') entries.push(entry('reported', undefined, next.status));
    else if (field === 'onSiteAt') entries.push(entry('onSite', previous?.onSiteAt, next.onSiteAt));
    else if (field === 'assignees')
      entries.push(entry('assignees', previous?.assignees.join('、'), next.assignees.join('、')));
    else entries.push(entry(field, previous?.[field], next[field]));
  }
  if (event.note) {
    if (entries.length === 0) entries.push({ ...base, action: 'note' });
    entries[0].note = event.note;
  }
  return entries;
}

export interface IncidentState {
  incidents: Map<string, IncidentRecord>;
  timelines: Map<string, TimelineEntry[]>;
}

export const emptyIncidentState = (): IncidentState => ({ incidents: new Map(), timelines: new Map() });

/**
 * Applies one event. It must follow the incident's stored version by one (`reported` starts at 1);
 * anything else means the log lost or repeated a row: say so, and since each event holds the whole
 * state, the newer version still wins rather than an incident going missing.
 */
export function applyIncidentEvent(state: IncidentState, event: IncidentEvent): string | undefined {
  const { id, version } = event.incident;
  const current = state.incidents.get(id);
  const expected = (current?.version ?? 0) + 1;
  if (current && version <= current.version)
    return `incident ${id}: v${version} again after v${current.version}, ignored`;
  state.incidents.set(id, event.incident);
  const timeline = state.timelines.get(id) ?? [];
  timeline.push(...timelineEntries(current, event));
  state.timelines.set(id, timeline);
  if (version !== expected || (event.type === 'reported') !== (expected === 1))
    return `incident ${id}: ${event.type} v${version} where v${expected} was due`;
  return undefined;
}

/** The current incidents and timelines from the whole log, and what in it did not add up. */
export function foldIncidentLog(events: Iterable<IncidentEvent>): { state: IncidentState; anomalies: string[] } {
  return foldEvents(events, emptyIncidentState(), applyIncidentEvent);
}
