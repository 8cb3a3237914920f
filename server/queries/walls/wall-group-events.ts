// The whole wall-group log (wall_group_events) in the order it is folded: each group's events by version.
import { defineQuery } from '../../clickhouse/define-query';
import type { WallGroupEventRow } from '../../walls/wall-log';

export const wallGroupEvents = defineQuery<void, WallGroupEventRow, WallGroupEventRow[]>({
  name: 'walls:events',
  file: new URL('./wall-group-events.sql', import.meta.url),
  params: () => ({}),
  // rows this version cannot read are skipped one by one by the repository (wall-log.ts fromRow)
  parse: (rows) => rows,
});
