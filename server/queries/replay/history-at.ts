// The comparison figures of one scope (week-ago baseline, same time yesterday and last week) as they
// stood at a past moment (history-at.sql), in the result shape of the live history query.
import { toDateTime } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import { parseHistory, type HistoryInput, type HistoryResult, type HistoryRow } from '../intake/wall-history';
import { SPELLS, type SpellsAt } from './spells';

export type HistoryAtInput = HistoryInput & SpellsAt;

export const historyAt = defineQuery<HistoryAtInput, HistoryRow, HistoryResult>({
  name: 'replay:history-at',
  file: new URL('./history-at.sql', import.meta.url),
  params: (input) => ({
    spells: SPELLS[input.resolution].table,
    at: toDateTime(input.atMs),
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
    baselineFrom: toDateTime(input.baseline.fromMs),
    baselineTo: toDateTime(input.baseline.toMs),
    yesterdayFrom: toDateTime(input.yesterday.fromMs),
    yesterdayTo: toDateTime(input.yesterday.toMs),
    lastWeekFrom: toDateTime(input.lastWeek.fromMs),
    lastWeekTo: toDateTime(input.lastWeek.toMs),
  }),
  parse: (rows, input) => parseHistory(rows, input, SPELLS[input.resolution].stepMs),
});
