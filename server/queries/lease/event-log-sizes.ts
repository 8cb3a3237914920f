// The number of events in each write domain's log, for a standby following the writer
// (server/ingest/writer-lease-standby.ts).
import { defineQuery } from '../../clickhouse/define-query';

export interface EventLogSizes {
  notices: number;
  incidents: number;
  alerts: number;
}

type Count = number | string;

export const eventLogSizes = defineQuery<void, Record<keyof EventLogSizes, Count>, EventLogSizes>({
  name: 'lease:event-log-sizes',
  file: new URL('./event-log-sizes.sql', import.meta.url),
  params: () => ({}),
  parse: ([row]) => ({ notices: Number(row.notices), incidents: Number(row.incidents), alerts: Number(row.alerts) }),
});
