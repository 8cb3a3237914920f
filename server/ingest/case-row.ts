// From a validated case as posted to the row stored in case_versions (without the lifecycle
// bookkeeping, which the writer adds when it knows the case's current head).
import type { CaseInput } from '@shared/case-schema';
import { CATEGORY_CODES, CHANNEL_CODES, KIND_CODES, LINE_CODES, STATUS_CODES } from '@shared/codes';
import { caseDueAtMs } from '@shared/deadlines';
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
   * the summary's terms (summary-terms.ts) as the JSON array text the insert sends, set where the
   * body is taken apart: one string, not an array of them, to pass between threads and to hold
   * until the case is stored. Absent on versions spooled before it existed (see `terms`).
   */
  termsJson?: string;
  /** the terms as an array, on versions spooled before termsJson; with neither, the summary is segmented when stored */
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
    dueAtMs: caseDueAtMs({
      kind: input.kind,
      receivedAt: receivedAtMs,
      acceptedAt: acceptedAtMs ?? undefined,
      extendedDays,
    }),
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

/**
 * One instance of each code. The writer's cache holds 200,000 heads: with the codes as they come
 * (each a copy made when its version crossed from the ingest thread) they would keep five strings
 * alive a case.
 */
const CODES = new Map<string, string>(
  [...LINE_CODES, ...KIND_CODES, ...CHANNEL_CODES, ...CATEGORY_CODES, ...STATUS_CODES].map((c) => [c, c]),
);
const oneCopy = (code: string): string => CODES.get(code) ?? code;

export function headOf(version: CaseVersion): CaseHead {
  const { id, versionAtMs, receivedAtMs, dueAtMs, regionCode, urgent } = version;
  return {
    id,
    versionAtMs,
    receivedAtMs,
    dueAtMs,
    line: oneCopy(version.line),
    kind: oneCopy(version.kind),
    channel: oneCopy(version.channel),
    regionCode,
    category: oneCopy(version.category),
    status: oneCopy(version.status),
    urgent,
    amountYuan: version.amountYuan,
    recoveredYuan: version.recoveredYuan,
  };
}

/** The columns of a case_versions row as the ingest writes them: storedRowValues, then the terms. */
export const STORED_COLUMNS = [
  'id',
  'version_at',
  'received_at',
  'due_at',
  'accepted_at',
  'extended_days',
  'line',
  'kind',
  'channel',
  'region_code',
  'category',
  'issue_type',
  'status',
  'urgent',
  'merchant_id',
  'merchant_name',
  'brand',
  'amount_yuan',
  'recovered_yuan',
  'lon',
  'lat',
  'summary',
  'is_head',
  'prev_exists',
  'prev_version_at',
  'prev_received_at',
  'prev_due_at',
  'prev_line',
  'prev_kind',
  'prev_channel',
  'prev_region_code',
  'prev_category',
  'prev_status',
  'prev_urgent',
  'prev_amount_yuan',
  'prev_recovered_yuan',
  // last: each row's terms are JSON text already (termsJsonOf), written after the other values
  'terms',
] as const;

const NO_TIME64 = toDateTime64(0);
const NO_TIME = toDateTime(0);

/**
 * The case_versions row (STORED_COLUMNS) but its last value, the terms (termsJsonOf): the version,
 * whether it became the head, and the head it superseded. Built as the array an insert sends, with
 * no keyed object in between: this runs for every case ingested, and building the object and then
 * its array took twice as long.
 */
export function storedRowValues(version: CaseVersion, isHead: boolean, prev: CaseHead | undefined): unknown[] {
  // only a head version supersedes anything; the rollups ignore the rest
  const p = isHead ? prev : undefined;
  const receivedAt = toDateTime64(version.receivedAtMs);
  return [
    version.id,
    version.versionAtMs === version.receivedAtMs ? receivedAt : toDateTime64(version.versionAtMs),
    receivedAt,
    toDateTime(version.dueAtMs),
    version.acceptedAtMs == null ? null : toDateTime64(version.acceptedAtMs),
    version.extendedDays ?? 0,
    version.line,
    version.kind,
    version.channel,
    version.regionCode,
    version.category,
    version.issueType,
    version.status,
    version.urgent ? 1 : 0,
    version.merchantId,
    version.merchantName,
    version.brand,
    version.amountYuan,
    version.recoveredYuan,
    version.lon,
    version.lat,
    version.summary,
    isHead ? 1 : 0,
    p ? 1 : 0,
    p ? toDateTime64(p.versionAtMs) : NO_TIME64,
    p ? toDateTime64(p.receivedAtMs) : NO_TIME64,
    p ? toDateTime(p.dueAtMs) : NO_TIME,
    p?.line ?? '',
    p?.kind ?? '',
    p?.channel ?? '',
    p?.regionCode ?? 0,
    p?.category ?? '',
    p?.status ?? '',
    p?.urgent ? 1 : 0,
    p?.amountYuan ?? 0,
    p?.recoveredYuan ?? 0,
  ];
}

/** The row's last value, the terms, as JSON text: as the ingest set it, or segmented now. */
export function termsJsonOf(version: CaseVersion): string {
  return version.termsJson ?? JSON.stringify(version.terms ?? termsOfSummary(version.summary));
}

/** The same row keyed by column: for a bare insert of prepared rows (benchmarks). */
export function toStoredRow(version: CaseVersion, isHead: boolean, prev: CaseHead | undefined): StoredRow {
  const values = [...storedRowValues(version, isHead, prev), JSON.parse(termsJsonOf(version)) as string[]];
  return Object.fromEntries(STORED_COLUMNS.map((column, i) => [column, values[i]])) as StoredRow;
}

export type StoredRow = Record<(typeof STORED_COLUMNS)[number], unknown>;
