// The heatmap of one scope as it stood at a past moment (heat-at.sql, from replay_feed).
import type { HeatPoint } from '@shared/wall-events';
import { toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import { wallHeat, type HeatInput } from '../feed/wall-heat';

export interface HeatAtInput extends HeatInput {
  atMs: number;
}

type HeatRow = Parameters<typeof wallHeat.parse>[0][number];

export const heatAt = defineQuery<HeatAtInput, HeatRow, HeatPoint[]>({
  name: 'replay:heat-at',
  file: new URL('./heat-at.sql', import.meta.url),
  params: (input) => ({ ...wallHeat.params(input), at: toDateTime64(input.atMs) }),
  parse: (rows, input) => wallHeat.parse(rows, input),
});
