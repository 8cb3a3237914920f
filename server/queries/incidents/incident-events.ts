// The whole incident log (incident_events) in the order it is folded: each incident's events by version.
import { END_OF_TIME_MS, toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import type { IncidentEventRow } from '../../incidents/incident-log';

export const incidentEvents = defineQuery<void, IncidentEventRow, IncidentEventRow[]>({
  name: 'incidents:events',
  file: new URL('./incident-events.sql', import.meta.url),
  params: () => ({ to: toDateTime64(END_OF_TIME_MS) }),
  // rows this version cannot read are skipped one by one by the repository (incident-log.ts fromRow)
  parse: (rows) => rows,
});
