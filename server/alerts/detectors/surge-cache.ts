// The surge detector's read, cached by the hour. Within one hour every cycle asks for the same 12
// weeks ending at the same hour (surgeEndMs), and only the newest hours change: the baseline weeks
// are read once, at the hour's first cycle, and each later cycle re-reads only the last
// SURGE_FRESH_HOURS (the 1- and 3-hour windows whole: where new cases land, late ones included) and
// lays them over the cached older hours. The result is the uncached read's whenever hours older than
// that did not change within the hour: a case received more than 3 hours before it is stored, or
// moved to another region or category, counts from the next hour's first read (at most an hour late).
// A cell active now but not at the hour's first read (a county x category whose first case of the
// day just came in) has no cached history: if it may fire (SURGE_MIN_COUNT cases in 24 h) the whole
// read is done again; otherwise its recent hours alone are what the detector needs of it (a parent's
// count is at least its child's, so a parent that matters has passed the same minimum).
import type { ClickHouse, QueryOptions } from '../../clickhouse/client';
import { runQuery } from '../../clickhouse/define-query';
import { surgeCells, type SurgeCell } from '../../queries/alerts/surge-cells';
import { SURGE_HISTORY_HOURS, SURGE_MIN_COUNT } from './surge-detector';

/** hours re-read at every cycle: the 1- and 3-hour windows */
export const SURGE_FRESH_HOURS = 3;

export interface SurgeRead {
  endMs: number;
  regionFrom: number;
  regionTo: number;
  queryOptions?: QueryOptions;
}

const keyOf = (cell: SurgeCell) => `${cell.level}:${cell.regionCode}:${cell.category}`;

function recentCases(cell: SurgeCell): number {
  let sum = 0;
  for (let i = 0; i < cell.agoHours.length; i += 1) if (cell.agoHours[i] < 24) sum += cell.counts[i];
  return sum;
}

/** The cached cell's hours before the fresh span, then the fresh ones (none: the cell had no case in them). */
function merged(old: SurgeCell, fresh: SurgeCell | undefined): SurgeCell {
  const agoHours: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < old.agoHours.length; i += 1) {
    if (old.agoHours[i] < SURGE_FRESH_HOURS) continue;
    agoHours.push(old.agoHours[i]);
    counts.push(old.counts[i]);
  }
  if (!fresh) return { ...old, agoHours, counts };
  return { ...fresh, agoHours: agoHours.concat(fresh.agoHours), counts: counts.concat(fresh.counts) };
}

export function createSurgeCellCache() {
  let cache: { clickhouse: ClickHouse; key: string; byCell: Map<string, SurgeCell> } | undefined;
  return {
    /** reads since the last hour's first one, for the benchmark and the tests */
    stats: { fullReads: 0, freshReads: 0 },
    async read(clickhouse: ClickHouse, input: SurgeRead): Promise<SurgeCell[]> {
      const { endMs, regionFrom, regionTo, queryOptions } = input;
      const query = { endMs, hours: SURGE_HISTORY_HOURS, regionFrom, regionTo };
      const key = `${endMs}:${regionFrom}:${regionTo}`;
      if (cache?.clickhouse === clickhouse && cache.key === key) {
        this.stats.freshReads += 1;
        const fresh = await runQuery(clickhouse, surgeCells, { ...query, hours: SURGE_FRESH_HOURS }, queryOptions);
        const byCell = cache.byCell;
        const freshByCell = new Map(fresh.map((cell) => [keyOf(cell), cell]));
        // a cell no longer active in the last 24 hours is left out, as the uncached read leaves it
        const cells = [...byCell.values()].map((old) => merged(old, freshByCell.get(keyOf(old))));
        const known = cells.filter((cell) => recentCases(cell) > 0);
        const newcomers = fresh.filter((cell) => !byCell.has(keyOf(cell)));
        if (newcomers.every((cell) => recentCases(cell) < SURGE_MIN_COUNT)) return known.concat(newcomers);
      }
      this.stats.fullReads += 1;
      const cells = await runQuery(clickhouse, surgeCells, query, queryOptions);
      cache = { clickhouse, key, byCell: new Map(cells.map((cell) => [keyOf(cell), cell])) };
      return cells;
    },
  };
}
