// The incidents: an append-only log in ClickHouse (incident_events) and the current incidents and
// timelines in memory, kept by the domain's event-log follower (server/domain/event-log-follower.ts:
// loaded at start, followed on a standby, one write at a time, each stored before it is applied and
// published). The wall's incidents part is read from this memory, never from ClickHouse.
import crypto from 'node:crypto';
import type { Logger } from 'pino';
import {
  incidentPostSchema,
  type Incident,
  type IncidentListQuery,
  type IncidentPatch,
  type IncidentPost,
  type IncidentRecord,
  type IncidentWithTimeline,
} from '@shared/incidents';
import { describeIssues } from '@shared/case-schema';
import type { Category } from '@shared/codes';
import { suggestSeverity, type IncidentClockConfig } from '@shared/incident-rules';
import type { IncidentSummary } from '@shared/wall-events';
import type { ClickHouse } from '../clickhouse/client';
import type { Clock } from '../clock';
import { createEventLogFollower, withEventLog, type EventLogSpec } from '../domain/event-log-follower';
import type { WriteFence } from '../ingest/writer-lease-fence';
import { incidentEvents } from '../queries/incidents/incident-events';
import type { IncidentEvent } from './events';
import {
  applyIncidentEvent,
  emptyIncidentState,
  fromRow,
  toInsert,
  type IncidentEventRow,
  type IncidentState,
} from './incident-log';
import { byUrgency, concernsScope, matchesStatus, presentIncident, wallIncidents } from './present';
import { eventTypeOf, reviseIncident } from './revise';

/** The store refused the event or could not be reached: nothing changed, the caller may retry. */
export class IncidentStoreError extends Error {}

/** Input that does not make an incident (from createFromAlert): the errors are in the API's shape. */
export class IncidentInputError extends Error {
  constructor(readonly errors: string[]) {
    super(errors.join('; '));
  }
}

export type IncidentRevision =
  | { outcome: 'changed' | 'unchanged'; incident: Incident }
  | { outcome: 'stale'; incident: Incident }
  | { outcome: 'refused-transition'; incident: Incident; allowed: readonly string[]; error: string }
  | { outcome: 'invalid'; errors: string[] }
  | { outcome: 'not-found' };

/** What an alert brings to the incident it is escalated into (the alerts domain maps its own type to it). */
export interface AlertForIncident {
  id: string;
  title: string;
  regionCodes: string[];
  category?: Category;
  caseIds?: string[];
}

interface Deps {
  clickhouse: ClickHouse;
  logger: Logger;
  clock: Clock;
  clocks: IncidentClockConfig;
  /** only the writer-lease holder appends (server/ingest/writer-lease-fence.ts) */
  fence: WriteFence;
}

/** The incident log as its follower reads, writes and folds it. */
export const incidentLog: EventLogSpec<IncidentEventRow, IncidentEvent, IncidentState> = {
  domain: 'incidents',
  noun: 'incident',
  table: 'incident_events',
  log: incidentEvents,
  fromRow,
  toInsert,
  empty: emptyIncidentState,
  apply: applyIncidentEvent,
  describe: (state) => ({ incidents: state.incidents.size }),
  StoreError: IncidentStoreError,
};

export function createIncidentRepository({ clickhouse, logger, clock, clocks, fence }: Deps) {
  const log = createEventLogFollower(incidentLog, { clickhouse, logger, fence });
  const { write } = log;
  const present = (record: IncidentRecord) => presentIncident(record, clocks, clock.now());
  const append = async (event: IncidentEvent): Promise<Incident> => present((await log.append(event)).incident);

  function report(input: IncidentPost, actor: string): Promise<Incident> {
    return write(() => {
      const at = new Date(clock.now()).toISOString();
      const incident: IncidentRecord = {
        id: crypto.randomUUID(),
        title: input.title,
        severity: input.severity,
        status: 'reported',
        regionCodes: input.regionCodes,
        category: input.category ?? null,
        description: input.description ?? null,
        leadUnit: input.leadUnit ?? null,
        assignees: input.assignees ?? [],
        alertIds: input.alertIds ?? [],
        caseIds: input.caseIds ?? [],
        version: 1,
        openedAt: at,
        openedBy: actor,
        updatedAt: at,
        updatedBy: actor,
        verifiedAt: null,
        onSiteAt: null,
        containedAt: null,
        closedAt: null,
        cancelledAt: null,
      };
      return append({ type: 'reported', at, actor, changed: ['reported'], note: null, incident });
    });
  }

  return withEventLog(log, {
    clocks,
    list({ scope, status }: IncidentListQuery): Incident[] {
      return [...log.state.incidents.values()]
        .filter((record) => concernsScope(record, scope) && matchesStatus(record, status))
        .sort(byUrgency)
        .map(present);
    },
    get(id: string): IncidentWithTimeline | undefined {
      const record = log.state.incidents.get(id);
      return record && { ...present(record), timeline: log.state.timelines.get(id) ?? [] };
    },
    /** The records as stored, for the metrics and the wall (read-only). */
    records: (): Iterable<IncidentRecord> => log.state.incidents.values(),
    /** The wall's `incidents` part of a scope, from memory. */
    forWall: (scope: string, nowMs: number): IncidentSummary[] =>
      wallIncidents(log.state.incidents.values(), scope, clocks, nowMs),
    report,
    /**
     * An incident from a hot-issue alert (POST /api/v1/alerts/:id/escalate): linked to the alert and
     * its cases, at the severity its regions suggest unless one is given. Throws IncidentInputError
     * (422) for an alert that does not make a valid incident, IncidentStoreError (503) when not stored.
     */
    createFromAlert({
      alert,
      actor,
      severity,
    }: {
      alert: AlertForIncident;
      actor: string;
      severity?: IncidentPost['severity'];
    }) {
      const input = incidentPostSchema.safeParse({
        title: alert.title,
        severity: severity ?? suggestSeverity(alert.regionCodes),
        regionCodes: alert.regionCodes,
        category: alert.category,
        alertIds: [alert.id],
        caseIds: alert.caseIds ?? [],
      });
      if (!input.success) return Promise.reject(new IncidentInputError(describeIssues(input.error)));
      return report(input.data, actor);
    },
    revise: (id: string, patch: IncidentPatch, actor: string): Promise<IncidentRevision> =>
      write(async () => {
        const current = log.state.incidents.get(id);
        if (!current) return { outcome: 'not-found' };
        if (patch.expectedVersion !== undefined && patch.expectedVersion !== current.version)
          return { outcome: 'stale', incident: present(current) };
        const nowMs = clock.now();
        const revision = reviseIncident(current, patch, nowMs);
        if (revision.outcome === 'invalid') return revision;
        if (revision.outcome === 'unchanged') return { outcome: 'unchanged', incident: present(current) };
        if (revision.outcome === 'refused-transition') {
          const error = `incident ${id} is ${revision.from}: it cannot become ${revision.to}`;
          return { outcome: 'refused-transition', incident: present(current), allowed: revision.allowed, error };
        }
        const at = new Date(nowMs).toISOString();
        const incident = { ...revision.record, version: current.version + 1, updatedAt: at, updatedBy: actor };
        const event = {
          type: eventTypeOf(revision.changed),
          at,
          actor,
          changed: revision.changed,
          note: patch.note ?? null,
          incident,
        };
        return { outcome: 'changed', incident: await append(event) };
      }),
  });
}

export type IncidentRepository = ReturnType<typeof createIncidentRepository>;
