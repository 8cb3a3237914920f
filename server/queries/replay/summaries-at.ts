// The summaries of the cases a past feed shows (summaries-at.sql), by id: feed-at.sql leaves them out.
import { toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';

export interface SummariesAtInput {
  ids: string[];
  /** the feed's received window */
  fromMs: number;
  toMs: number;
  atMs: number;
}

export const summariesAt = defineQuery<SummariesAtInput, { id: string; summary: string }, Map<string, string>>({
  name: 'replay:summaries-at',
  file: new URL('./summaries-at.sql', import.meta.url),
  params: (input) => ({
    ids: input.ids,
    from: toDateTime64(input.fromMs),
    to: toDateTime64(input.toMs),
    at: toDateTime64(input.atMs),
  }),
  parse: (rows) => new Map(rows.map((row) => [row.id, row.summary])),
});
