// County x category cells with their last 7 days in 24-hour blocks and their 56-day baseline.
import { toDateTime } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import type { RegionRange } from '../region-range';

export interface ClusterCellsInput extends RegionRange {
  /** the end of the last block (epoch ms) */
  endMs: number;
  /** read only the hours in [fromMs, toMs) of the 63 days (default: all of them) */
  fromMs?: number;
  toMs?: number;
}

interface Row {
  region_code: number;
  category: string;
  baseline: number;
  blocks: number[];
}

export interface ClusterCell {
  regionCode: string;
  category: string;
  /** cases in the 56 days before the last 7 */
  baseline: number;
  /** cases in each of the last 7 blocks of 24 hours, the latest first */
  blocks: number[];
}

export const CLUSTER_BASELINE_DAYS = 56;

export const clusterCells = defineQuery<ClusterCellsInput, Row, ClusterCell[]>({
  name: 'alerts-cluster-cells',
  file: new URL('./cluster-cells.sql', import.meta.url),
  params: (input) => ({
    end: toDateTime(input.endMs),
    from: toDateTime(input.fromMs ?? 0),
    to: toDateTime(input.toMs ?? input.endMs),
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
  }),
  parse: (rows) =>
    rows.map((row) => ({
      regionCode: String(row.region_code).padStart(6, '0'),
      category: row.category,
      baseline: Math.max(0, row.baseline),
      blocks: row.blocks.map((count) => Math.max(0, count)),
    })),
});
