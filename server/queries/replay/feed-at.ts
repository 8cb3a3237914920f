// The newest cases and open urgent cases of one scope as they stood at a past moment (feed-at.sql,
// from replay_feed), in the result shape of the live feed query.
import { toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import { wallFeed, type FeedInput, type FeedResult } from '../feed/wall-feed';

export interface FeedAtInput extends FeedInput {
  /** the moment shown: versions at or before it; toMs is the same moment (received before it) */
  atMs: number;
}

type FeedRow = Parameters<typeof wallFeed.parse>[0][number];

export const feedAt = defineQuery<FeedAtInput, FeedRow, FeedResult>({
  name: 'replay:feed-at',
  file: new URL('./feed-at.sql', import.meta.url),
  params: (input) => ({ ...wallFeed.params(input), at: toDateTime64(input.atMs) }),
  parse: (rows, input) => wallFeed.parse(rows, input),
});
