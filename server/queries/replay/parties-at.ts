// The top merchants and brands of one scope for the day of a past moment, up to it (parties-at.sql,
// from replay_feed), in the result shape of the live parties query.
import { toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import type { RegionRange } from '../region-range';
import { wallParties, type PartiesResult } from '../parties/wall-parties';

export interface PartiesAtInput extends RegionRange {
  /** midnight China time of the day, epoch ms */
  dayFromMs: number;
  atMs: number;
  limit: number;
}

type PartyRow = Parameters<typeof wallParties.parse>[0][number];

export const partiesAt = defineQuery<PartiesAtInput, PartyRow, PartiesResult>({
  name: 'replay:parties-at',
  file: new URL('./parties-at.sql', import.meta.url),
  params: (input) => ({
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
    dayFrom: toDateTime64(input.dayFromMs),
    to: toDateTime64(input.atMs),
    at: toDateTime64(input.atMs),
    limit: input.limit,
  }),
  parse: (rows) => wallParties.parse(rows, { day: '', regionFrom: 0, regionTo: 0, limit: 0 }),
});
