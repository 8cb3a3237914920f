// The next state of an incident from a person's change, or why it cannot be: a pure function of the
// current record, the change and the time, so every rule (transitions, milestones) is tested alone.
import {
  INCIDENT_TRANSITIONS,
  isIncidentActive,
  type IncidentPatch,
  type IncidentRecord,
  type IncidentStatus,
  type Milestone,
} from '@shared/incidents';
import { EDITABLE_FIELDS, type IncidentEventType, type IncidentField } from './events';

export type Revision =
  | { outcome: 'next'; record: Omit<IncidentRecord, 'version' | 'updatedAt' | 'updatedBy'>; changed: IncidentField[] }
  | { outcome: 'unchanged' }
  | { outcome: 'refused-transition'; from: IncidentStatus; to: IncidentStatus; allowed: readonly IncidentStatus[] }
  | { outcome: 'invalid'; errors: string[] };

/** The milestone a state reaches, stamped with the server's time when the incident enters it. */
const MILESTONE_OF: Partial<Record<IncidentStatus, Milestone>> = {
  verified: 'verifiedAt',
  contained: 'containedAt',
  closed: 'closedAt',
  cancelled: 'cancelledAt',
};

const latest = (recorded: string | null, at: string) =>
  recorded !== null && Date.parse(recorded) > Date.parse(at) ? recorded : at;

function checkOnSite(current: IncidentRecord, onSiteAt: string, nowMs: number): string[] {
  const ms = Date.parse(onSiteAt);
  if (!isIncidentActive(current.status)) return [`onSiteAt: the incident is ${current.status}`];
  if (ms > nowMs) return ['onSiteAt: must not be in the future'];
  if (ms < Date.parse(current.openedAt)) return ['onSiteAt: must not be before the incident was reported'];
  if (current.onSiteAt !== null && ms < Date.parse(current.onSiteAt))
    return [`onSiteAt: must not be earlier than the recorded ${current.onSiteAt} (milestones only move forward)`];
  return [];
}

export function reviseIncident(current: IncidentRecord, patch: IncidentPatch, nowMs: number): Revision {
  const next = { ...current };
  const at = new Date(nowMs).toISOString();
  // the same status again is a retry (a double click), not a transition to refuse
  if (patch.status !== undefined && patch.status !== current.status) {
    const allowed = INCIDENT_TRANSITIONS[current.status];
    if (!allowed.includes(patch.status))
      return { outcome: 'refused-transition', from: current.status, to: patch.status, allowed };
    next.status = patch.status;
    const milestone = MILESTONE_OF[patch.status];
    // only forward, even if the server's clock was set back since it was last stamped
    if (milestone) next[milestone] = latest(current[milestone], at);
  }
  if (patch.onSiteAt !== undefined) {
    const errors = checkOnSite(current, patch.onSiteAt, nowMs);
    if (errors.length > 0) return { outcome: 'invalid', errors };
    next.onSiteAt = new Date(patch.onSiteAt).toISOString();
  }
  if (patch.severity !== undefined) next.severity = patch.severity;
  if (patch.leadUnit !== undefined) next.leadUnit = patch.leadUnit;
  if (patch.assignees !== undefined) next.assignees = patch.assignees;
  const changed = EDITABLE_FIELDS.filter((field) =>
    field === 'assignees' ? next.assignees.join('\n') !== current.assignees.join('\n') : next[field] !== current[field],
  );
  if (changed.length === 0 && patch.note === undefined) return { outcome: 'unchanged' };
  return { outcome: 'next', record: next, changed };
}

export function eventTypeOf(changed: readonly IncidentField[]): IncidentEventType {
  if (changed.includes('status')) return 'transitioned';
  return changed.length > 0 ? 'revised' : 'noted';
}
