// The alert and incident logs up to a past moment, in the order they are folded: the alerts and
// incidents as they stood then, folded by the domains' own fold functions.
import type { AlertEventRow } from '../../alerts/alert-log';
import { toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import type { IncidentEventRow } from '../../incidents/incident-log';

export const alertEventsUntil = defineQuery<{ toMs: number }, AlertEventRow, AlertEventRow[]>({
  name: 'replay:alert-events-until',
  file: new URL('../alerts/alert-events.sql', import.meta.url),
  params: (input) => ({ to: toDateTime64(input.toMs) }),
  parse: (rows) => rows,
});

export const incidentEventsUntil = defineQuery<{ toMs: number }, IncidentEventRow, IncidentEventRow[]>({
  name: 'replay:incident-events-until',
  file: new URL('../incidents/incident-events.sql', import.meta.url),
  params: (input) => ({ to: toDateTime64(input.toMs) }),
  parse: (rows) => rows,
});
