// The events of the incident log, which are also the changes the stream hears of: each carries the
// incident's whole state after it, so a subscriber (the wall's incidents part) needs no look-up.
import type { IncidentRecord } from '@shared/incidents';
import type { ChangeFeed } from '../domain/change-feed';

/** reported: created; transitioned: its status changed (with or without more); revised: other fields; noted: a note alone */
export const INCIDENT_EVENT_TYPES = ['reported', 'transitioned', 'revised', 'noted'] as const;
export type IncidentEventType = (typeof INCIDENT_EVENT_TYPES)[number];

/** The fields a person changes after the report; milestones move with `status` (and `onSiteAt`). */
export const EDITABLE_FIELDS = ['status', 'severity', 'onSiteAt', 'leadUnit', 'assignees'] as const;
export type IncidentField = (typeof EDITABLE_FIELDS)[number] | 'reported';

export interface IncidentEvent {
  type: IncidentEventType;
  /** UTC ISO 8601, from the server's clock; equals incident.updatedAt */
  at: string;
  /** the token name of whoever made the change */
  actor: string;
  /** the fields this event changed (`reported` for the first) */
  changed: IncidentField[];
  /** the line the actor wrote for the timeline, if any */
  note: string | null;
  incident: IncidentRecord;
}

export type IncidentChanges = ChangeFeed<IncidentEvent>;
