// The newest cases of one scope and its open urgent cases (case_feed), as the wall's feed and map
// markers show them.
import type { Category, Channel, Kind, Line, Status } from '@shared/codes';
import type { LatestCase } from '@shared/wall-events';
import { toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import type { RegionRange } from '../region-range';

export interface FeedInput extends RegionRange {
  /** the newest cases are looked for from here to toMs */
  latestFromMs: number;
  /** open urgent cases: received from here to toMs */
  urgentFromMs: number;
  toMs: number;
  latestLimit: number;
  urgentLimit: number;
  /** statuses that close a case: an urgent case in one of them is no longer shown */
  terminalStatuses: readonly Status[];
}

interface FeedRow {
  list: 'latest' | 'urgent';
  id: string;
  received_at_ms: number;
  region_code: number;
  line: Line;
  kind: Kind;
  channel: Channel;
  category: Category;
  status: Status;
  urgent: number;
  lon: number | null;
  lat: number | null;
  summary: string;
}

export interface FeedResult {
  latestCases: LatestCase[];
  urgentCases: LatestCase[];
}

function toLatestCase(row: FeedRow): LatestCase {
  return {
    id: row.id,
    receivedAt: new Date(row.received_at_ms).toISOString(),
    regionCode: String(row.region_code).padStart(6, '0'),
    line: row.line,
    kind: row.kind,
    channel: row.channel,
    category: row.category,
    status: row.status,
    urgent: row.urgent === 1,
    summary: row.summary,
    location: row.lon === null || row.lat === null ? null : { lon: row.lon, lat: row.lat },
  };
}

export const wallFeed = defineQuery<FeedInput, FeedRow, FeedResult>({
  name: 'wall-feed',
  file: new URL('./wall-feed.sql', import.meta.url),
  params: (input) => ({
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
    latestFrom: toDateTime64(input.latestFromMs),
    urgentFrom: toDateTime64(input.urgentFromMs),
    to: toDateTime64(input.toMs),
    latestLimit: input.latestLimit,
    urgentLimit: input.urgentLimit,
    terminalStatuses: [...input.terminalStatuses],
  }),
  parse(rows) {
    const result: FeedResult = { latestCases: [], urgentCases: [] };
    for (const row of rows) (row.list === 'latest' ? result.latestCases : result.urgentCases).push(toLatestCase(row));
    return result;
  },
});
