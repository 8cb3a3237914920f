// Closures, on-time closures and money recovered in a report window (activity_hour).
import { defineQuery } from '../../clickhouse/define-query';
import { toDateTime } from '../../clickhouse/datetime';
import type { HourWindowInput } from './received-by-category';

interface ActivityRow {
  closed_cases: number;
  closed_on_time_cases: number;
  recovered_yuan: number;
}

export interface ClosuresAndRecovery {
  closed: number;
  closedOnTime: number;
  recoveredYuan: number;
}

export const closuresAndRecovery = defineQuery<HourWindowInput, ActivityRow, ClosuresAndRecovery>({
  name: 'report-closures-and-recovery',
  file: new URL('./closures-and-recovery.sql', import.meta.url),
  params: (input) => ({
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
    from: toDateTime(input.fromMs),
    to: toDateTime(input.toMs),
  }),
  parse: (rows) => ({
    closed: rows[0]?.closed_cases ?? 0,
    closedOnTime: rows[0]?.closed_on_time_cases ?? 0,
    recoveredYuan: rows[0]?.recovered_yuan ?? 0,
  }),
});
