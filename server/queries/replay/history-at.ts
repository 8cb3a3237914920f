// The comparison figures of one scope (week-ago baseline, same time yesterday and last week) as they
// stood at a past moment: the live history query (intake/wall-history.sql) over a spells table, in
// the result shape of the live one.
import { defineQuery } from '../../clickhouse/define-query';
import {
  historyParams,
  parseHistory,
  type HistoryInput,
  type HistoryResult,
  type HistoryRow,
} from '../intake/wall-history';
import { SPELLS, type SpellsAt } from './spells';

export type HistoryAtInput = HistoryInput & SpellsAt;

export const historyAt = defineQuery<HistoryAtInput, HistoryRow, HistoryResult>({
  name: 'replay:history-at',
  file: new URL('../intake/wall-history.sql', import.meta.url),
  params: (input) => historyParams(SPELLS[input.resolution].table, input.atMs, input),
  parse: (rows, input) => parseHistory(rows, input, SPELLS[input.resolution].stepMs),
});
