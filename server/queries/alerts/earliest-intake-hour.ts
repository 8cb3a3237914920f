// The earliest hour in the hourly intake rollup, epoch ms; 0 when the store is empty.
import { defineQuery } from '../../clickhouse/define-query';

interface EarliestIntakeHourRow {
  earliest_hour_ms: number;
}

export const earliestIntakeHour = defineQuery<void, EarliestIntakeHourRow, number>({
  name: 'earliest-intake-hour',
  file: new URL('./earliest-intake-hour.sql', import.meta.url),
  params: () => ({}),
  parse: (rows) => Number(rows[0]?.earliest_hour_ms ?? 0),
});
