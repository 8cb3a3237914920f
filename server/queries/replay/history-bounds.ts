// The oldest case stored: where the history a wall can replay begins (null on an empty store).
import { defineQuery } from '../../clickhouse/define-query';

export const oldestCase = defineQuery<void, { oldest_ms: number }, number | null>({
  name: 'replay:oldest-case',
  file: new URL('./history-bounds.sql', import.meta.url),
  params: () => ({}),
  parse: (rows) => (rows[0] && rows[0].oldest_ms > 0 ? rows[0].oldest_ms : null),
});
