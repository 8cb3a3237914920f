// Distinct cases received in whole hours, by kind x line x channel (intake_hour).
import { toDateTime } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import type { RegionRange } from '../region-range';
import type { ReceivedCell } from './received-cells';
import type { Span } from './received-window';

export interface ReceivedByHourInput extends RegionRange {
  /** whole hours */
  hours: Span;
}

export const receivedByHour = defineQuery<ReceivedByHourInput, ReceivedCell, ReceivedCell[]>({
  name: 'received-by-hour',
  file: new URL('./received-by-hour.sql', import.meta.url),
  params: (input) => ({
    from: toDateTime(input.hours.fromMs),
    to: toDateTime(input.hours.toMs),
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
  }),
  parse: (rows) => rows,
});
