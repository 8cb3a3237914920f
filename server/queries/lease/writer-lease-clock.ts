// ClickHouse's clock and the highest lease epoch ever used (server/ingest/writer-lease.ts).
import { defineQuery } from '../../clickhouse/define-query';

export interface LeaseClock {
  nowMs: number;
  topEpoch: number;
}

export const writerLeaseClock = defineQuery<void, { now_ms: number; top_epoch: number }, LeaseClock>({
  name: 'writer-lease-clock',
  file: new URL('./writer-lease-clock.sql', import.meta.url),
  params: () => ({}),
  parse: ([row]) => ({ nowMs: Number(row.now_ms), topEpoch: Number(row?.top_epoch ?? 0) }),
});
