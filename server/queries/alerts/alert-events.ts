// The whole alert log (alert_events) in the order it is folded: each alert's events by version.
import type { AlertEventRow } from '../../alerts/alert-log';
import { END_OF_TIME_MS, toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';

export const alertEvents = defineQuery<void, AlertEventRow, AlertEventRow[]>({
  name: 'alerts:events',
  file: new URL('./alert-events.sql', import.meta.url),
  params: () => ({ to: toDateTime64(END_OF_TIME_MS) }),
  // rows this version cannot read are skipped one by one by the repository (alert-log.ts fromRow)
  parse: (rows) => rows,
});
