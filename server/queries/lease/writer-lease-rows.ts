// The writer lease's recent rows (server/ingest/writer-lease.ts reads them with writer-lease-view.ts).
import { defineQuery } from '../../clickhouse/define-query';
import type { LeaseRow, LeaseRowKind } from '../../ingest/writer-lease-view';

interface LeaseRowRaw {
  epoch: number;
  holder: string;
  kind: LeaseRowKind;
  first_ms: number;
  last_ms: number;
}

export const writerLeaseRows = defineQuery<{ windowMs: number }, LeaseRowRaw, LeaseRow[]>({
  name: 'writer-lease-rows',
  file: new URL('./writer-lease-rows.sql', import.meta.url),
  params: ({ windowMs }) => ({ windowMs }),
  parse: (rows) =>
    rows.map((r) => ({
      epoch: Number(r.epoch),
      holder: r.holder,
      kind: r.kind,
      firstMs: Number(r.first_ms),
      lastMs: Number(r.last_ms),
    })),
});
