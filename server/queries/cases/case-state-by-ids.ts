// The stored state of given cases (case_versions): each case's head and the version times stored,
// for the ingest's bookkeeping. Cases not stored are absent from the result.
import { toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import type { CaseHead } from '../../ingest/case-row';

export interface CaseStateInput {
  ids: readonly string[];
  /** the receivedAt range of the cases looked for: prunes the month partitions */
  fromReceivedMs: number;
  toReceivedMs: number;
}

interface CaseStateRow {
  id: string;
  version_ats_ms: number[];
  head_version_at_ms: number;
  received_at_ms: number;
  due_at_ms: number;
  line: string;
  kind: string;
  channel: string;
  region_code: number;
  category: string;
  status: string;
  urgent: number;
  amount_yuan: number;
  recovered_yuan: number;
}

export interface StoredCaseState {
  head: CaseHead;
  versionAtsMs: number[];
}

export const caseStateByIds = defineQuery<CaseStateInput, CaseStateRow, StoredCaseState[]>({
  name: 'case-state-by-ids',
  file: new URL('./case-state-by-ids.sql', import.meta.url),
  params: (input) => ({
    ids: [...input.ids],
    fromReceived: toDateTime64(input.fromReceivedMs),
    toReceived: toDateTime64(input.toReceivedMs),
  }),
  parse: (rows) =>
    rows.map((row) => ({
      versionAtsMs: row.version_ats_ms,
      head: {
        id: row.id,
        versionAtMs: row.head_version_at_ms,
        receivedAtMs: row.received_at_ms,
        dueAtMs: row.due_at_ms,
        line: row.line,
        kind: row.kind,
        channel: row.channel,
        status: row.status,
        regionCode: row.region_code,
        category: row.category,
        urgent: row.urgent === 1,
        amountYuan: row.amount_yuan,
        recoveredYuan: row.recovered_yuan,
      },
    })),
});
