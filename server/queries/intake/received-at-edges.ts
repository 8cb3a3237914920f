// Distinct cases received at the ends of a window, by kind x line x channel: whole minutes from
// intake_minute, the rest from case_heads (received-window.ts says which is which).
import { toDateTime, toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import type { RegionRange } from '../region-range';
import type { ReceivedCell } from './received-cells';
import type { Span } from './received-window';

export interface ReceivedAtEdgesInput extends RegionRange {
  minutes: [Span, Span];
  cases: [Span, Span];
}

export const receivedAtEdges = defineQuery<ReceivedAtEdgesInput, ReceivedCell, ReceivedCell[]>({
  name: 'received-at-edges',
  file: new URL('./received-at-edges.sql', import.meta.url),
  params: ({ minutes, cases, regionFrom, regionTo }) => ({
    minutesFrom1: toDateTime(minutes[0].fromMs),
    minutesTo1: toDateTime(minutes[0].toMs),
    minutesFrom2: toDateTime(minutes[1].fromMs),
    minutesTo2: toDateTime(minutes[1].toMs),
    casesFrom1: toDateTime64(cases[0].fromMs),
    casesTo1: toDateTime64(cases[0].toMs),
    casesFrom2: toDateTime64(cases[1].fromMs),
    casesTo2: toDateTime64(cases[1].toMs),
    regionFrom,
    regionTo,
  }),
  parse: (rows) => rows,
});
