// Every stored version of the given cases, each case's oldest first, as the ingest stored them
// (CaseVersion): what the case API shows and what the deadline recompute rewrites.
import { defineQuery } from '../../clickhouse/define-query';
import type { CaseVersion } from '../../ingest/case-row';

export interface StoredVersionRow {
  id: string;
  version_at_ms: number;
  received_at_ms: number;
  due_at_ms: number;
  accepted_at_ms: number | null;
  extended_days: number;
  line: string;
  kind: string;
  channel: string;
  region_code: number;
  category: string;
  issue_type: string;
  status: string;
  urgent: number;
  merchant_id: string;
  merchant_name: string;
  brand: string;
  amount_yuan: number;
  recovered_yuan: number;
  lon: number | null;
  lat: number | null;
  summary: string;
}

/** A stored row back to the version the ingest wrote. */
export function versionOfRow(row: StoredVersionRow): CaseVersion {
  return {
    id: row.id,
    versionAtMs: row.version_at_ms,
    receivedAtMs: row.received_at_ms,
    dueAtMs: row.due_at_ms,
    acceptedAtMs: row.accepted_at_ms,
    extendedDays: row.extended_days,
    line: row.line,
    kind: row.kind,
    channel: row.channel,
    regionCode: row.region_code,
    category: row.category,
    issueType: row.issue_type,
    status: row.status,
    urgent: row.urgent === 1,
    merchantId: row.merchant_id,
    merchantName: row.merchant_name,
    brand: row.brand,
    amountYuan: row.amount_yuan,
    recoveredYuan: row.recovered_yuan,
    lon: row.lon,
    lat: row.lat,
    summary: row.summary,
  };
}

/** Each case's versions, oldest first; a case not stored is absent. */
export const caseVersionsByIds = defineQuery<{ ids: readonly string[] }, StoredVersionRow, Map<string, CaseVersion[]>>({
  name: 'case-versions-by-id',
  file: new URL('./case-versions-by-id.sql', import.meta.url),
  params: (input) => ({ ids: [...input.ids] }),
  parse(rows) {
    const byId = new Map<string, CaseVersion[]>();
    for (const row of rows) {
      const versions = byId.get(row.id) ?? [];
      versions.push(versionOfRow(row));
      byId.set(row.id, versions);
    }
    return byId;
  },
});
