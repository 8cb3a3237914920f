// The whole incident log (incident_events) in the order it is folded: each incident's events by version.
import { defineQuery } from '../../clickhouse/define-query';
import type { IncidentEventRow } from '../../incidents/incident-log';

export const incidentEvents = defineQuery<void, IncidentEventRow, IncidentEventRow[]>({
  name: 'incidents:events',
  file: new URL('./incident-events.sql', import.meta.url),
  params: () => ({}),
  // rows this version cannot read are skipped one by one by the repository (incident-log.ts fromRow)
  parse: (rows) => rows,
});
