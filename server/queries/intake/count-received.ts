// Distinct cases received in [from, to) inside a scope, by kind, line and channel, each in its current
// state: the statistics API's answer, read from the rollups (received-window.ts) in short queries one
// after the other, so that a long window never holds ClickHouse for long at a time.
import { CHANNEL_CODES, KIND_CODES, LINE_CODES, type Channel, type Kind, type Line } from '@shared/codes';
import { DAY_MS } from '@shared/time';
import type { ClickHouse, QueryOptions } from '../../clickhouse/client';
import { runQuery } from '../../clickhouse/define-query';
import { zeroes } from '../case-counts';
import type { RegionRange } from '../region-range';
import { receivedAtEdges } from './received-at-edges';
import { receivedByHour } from './received-by-hour';
import type { ReceivedCell } from './received-cells';
import { windowSources } from './received-window';

/** intake_minute keeps 35 days (its TTL); trusted a day less, as TTL merges run when they run */
const MINUTE_ROLLUP_TRUSTED_MS = 34 * DAY_MS;
/** hours read per query: a month of the hourly rollup */
export const HOUR_PIECE_MS = 31 * DAY_MS;

export interface ReceivedCountsInput extends RegionRange {
  fromMs: number;
  toMs: number;
  /** the clock's now: how far back the per-minute rollup reaches */
  nowMs: number;
}

export interface ReceivedCounts {
  total: number;
  byKind: Record<Kind, number>;
  byLine: Record<Line, number>;
  byChannel: Record<Channel, number>;
}

export async function countReceived(
  clickhouse: ClickHouse,
  input: ReceivedCountsInput,
  options?: QueryOptions,
): Promise<ReceivedCounts> {
  const { hourPieces, minutes, cases } = windowSources(
    input.fromMs,
    input.toMs,
    input.nowMs - MINUTE_ROLLUP_TRUSTED_MS,
    HOUR_PIECE_MS,
  );
  const counts: ReceivedCounts = {
    total: 0,
    byKind: zeroes(KIND_CODES),
    byLine: zeroes(LINE_CODES),
    byChannel: zeroes(CHANNEL_CODES),
  };
  const add = (cells: ReceivedCell[]) => {
    for (const cell of cells) {
      counts.total += cell.cases;
      if (cell.kind in counts.byKind) counts.byKind[cell.kind as Kind] += cell.cases;
      if (cell.line in counts.byLine) counts.byLine[cell.line as Line] += cell.cases;
      if (cell.channel in counts.byChannel) counts.byChannel[cell.channel as Channel] += cell.cases;
    }
  };
  const region = { regionFrom: input.regionFrom, regionTo: input.regionTo };
  add(await runQuery(clickhouse, receivedAtEdges, { ...region, minutes, cases }, options));
  for (const hours of hourPieces) add(await runQuery(clickhouse, receivedByHour, { ...region, hours }, options));
  return counts;
}
