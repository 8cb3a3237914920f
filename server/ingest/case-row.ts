// From a validated case as posted to the row stored in case_versions (without the lifecycle
// bookkeeping, which the writer adds when it knows the case's current head).
import type { CaseInput } from '@shared/case-schema';
import { caseDeadlines } from '@shared/deadlines';
import { toDateTime, toDateTime64 } from '../clickhouse/datetime';
import { scrubPersonalData } from './scrub';
import { termsOfSummary } from './term-segmenter';

/** A case version ready to store; what the spool holds. Times are epoch milliseconds. */
export interface CaseVersion {
  id: string;
  versionAtMs: number;
  receivedAtMs: number;
  /** the deadline running now (shared/deadlines.ts caseDeadlines) */
  dueAtMs: number;
  /** complaints: acceptance starts the mediation clock; absent in spool lines written before it existed */
  acceptedAtMs?: number | null;
  /** reports: 15 when verification was extended */
  extendedDays?: number;
  line: string;
  kind: string;
  channel: string;
  regionCode: number;
  category: string;
  issueType: string;
  status: string;
  urgent: boolean;
  merchantId: string;
  merchantName: string;
  brand: string;
  amountYuan: number;
  recoveredYuan: number;
  lon: number | null;
  lat: number | null;
  summary: string;
  /**
   * the summary's terms (summary-terms.ts), set by the ingest route before the case is queued;
   * absent on versions spooled before terms existed, which are segmented when stored
   */
  terms?: string[];
}

export function toCaseVersion(input: CaseInput): CaseVersion {
  const receivedAtMs = Date.parse(input.receivedAt);
  const acceptedAtMs = input.acceptedAt === undefined ? null : Date.parse(input.acceptedAt);
  const extendedDays = input.extendedDays ?? 0;
  return {
    id: input.id,
    versionAtMs: input.updatedAt ? Date.parse(input.updatedAt) : receivedAtMs,
    receivedAtMs,
    dueAtMs: caseDeadlines({
      kind: input.kind,
      receivedAt: receivedAtMs,
      acceptedAt: acceptedAtMs ?? undefined,
      extendedDays,
    }).dueAtMs,
    acceptedAtMs,
    extendedDays,
    line: input.line,
    kind: input.kind,
    channel: input.channel,
    regionCode: Number(input.regionCode),
    category: input.category,
    issueType: input.issueType,
    status: input.status,
    urgent: input.urgent ?? false,
    merchantId: input.merchant?.id ?? '',
    // merchant names and brands are businesses, not consumers: kept, but scrubbed of phone numbers
    // and the like (a sole trader's shop may be entered as its owner's name and mobile)
    merchantName: input.merchant ? scrubPersonalData(input.merchant.name) : '',
    brand: scrubPersonalData(input.brand ?? ''),
    amountYuan: round2(input.amountYuan ?? 0),
    recoveredYuan: round2(input.recoveredYuan ?? 0),
    lon: input.location?.lon ?? null,
    lat: input.location?.lat ?? null,
    summary: scrubPersonalData(input.summary ?? ''),
  };
}

function round2(yuan: number): number {
  return Math.round(yuan * 100) / 100;
}

/** The state of a case that the rollups are keyed on: what a new head version supersedes. */
export type CaseHead = Pick<
  CaseVersion,
  | 'id'
  | 'versionAtMs'
  | 'receivedAtMs'
  | 'dueAtMs'
  | 'line'
  | 'kind'
  | 'channel'
  | 'regionCode'
  | 'category'
  | 'status'
  | 'urgent'
  | 'amountYuan'
  | 'recoveredYuan'
>;

export function headOf(version: CaseVersion): CaseHead {
  const { id, versionAtMs, receivedAtMs, dueAtMs, line, kind, channel, regionCode, category, status, urgent } = version;
  return {
    id,
    versionAtMs,
    receivedAtMs,
    dueAtMs,
    line,
    kind,
    channel,
    regionCode,
    category,
    status,
    urgent,
    amountYuan: version.amountYuan,
    recoveredYuan: version.recoveredYuan,
  };
}

/** The case_versions row: the version, whether it became the head, and the head it superseded. */
export function toStoredRow(version: CaseVersion, isHead: boolean, prev: CaseHead | undefined) {
  // only a head version supersedes anything; the rollups ignore the rest
  const p = isHead ? prev : undefined;
  return {
    id: version.id,
    version_at: toDateTime64(version.versionAtMs),
    received_at: toDateTime64(version.receivedAtMs),
    due_at: toDateTime(version.dueAtMs),
    accepted_at: version.acceptedAtMs == null ? null : toDateTime64(version.acceptedAtMs),
    extended_days: version.extendedDays ?? 0,
    line: version.line,
    kind: version.kind,
    channel: version.channel,
    region_code: version.regionCode,
    category: version.category,
    issue_type: version.issueType,
    status: version.status,
    urgent: version.urgent ? 1 : 0,
    merchant_id: version.merchantId,
    merchant_name: version.merchantName,
    brand: version.brand,
    amount_yuan: version.amountYuan,
    recovered_yuan: version.recoveredYuan,
    lon: version.lon,
    lat: version.lat,
    summary: version.summary,
    terms: version.terms ?? termsOfSummary(version.summary),
    is_head: isHead ? 1 : 0,
    prev_exists: p ? 1 : 0,
    prev_version_at: toDateTime64(p?.versionAtMs ?? 0),
    prev_received_at: toDateTime64(p?.receivedAtMs ?? 0),
    prev_due_at: toDateTime(p?.dueAtMs ?? 0),
    prev_line: p?.line ?? '',
    prev_kind: p?.kind ?? '',
    prev_channel: p?.channel ?? '',
    prev_region_code: p?.regionCode ?? 0,
    prev_category: p?.category ?? '',
    prev_status: p?.status ?? '',
    prev_urgent: p?.urgent ? 1 : 0,
    prev_amount_yuan: p?.amountYuan ?? 0,
    prev_recovered_yuan: p?.recoveredYuan ?? 0,
  };
}

export type StoredRow = ReturnType<typeof toStoredRow>;
