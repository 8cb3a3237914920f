// The ingest contract: one case version as posted to POST /api/v1/cases.
import { z } from 'zod';
import { CATEGORY_CODES, CHANNEL_CODES, ISSUE_TYPE_CODES, KIND_CODES, LINE_CODES, STATUS_CODES } from './codes';
import { EXTENDED_DAYS } from './deadlines';
import { isKnownRegion } from './regions';

/** ISO 8601 with an explicit offset (Z or ±hh:mm): a time without a zone is ambiguous on a national platform. */
const isoWithOffset = z.iso.datetime({
  offset: true,
  message: 'must be ISO 8601 with an offset, e.g. 2026-03-15T09:30:00+08:00',
});

/** Limits the schema holds a case to; shared with the ingest's quick check (case-quick-check.ts). */
export const MAX_YUAN = 1e12;
export const CASE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
export const ADCODE_PATTERN = /^\d{6}$/;
/** [min, max] characters (UTF-16 units) of each free text */
export const TEXT_CHARS = { merchantId: [1, 64], merchantName: [1, 200], brand: [1, 100], summary: [0, 2000] } as const;
/** [min, max] degrees of a location: China's extent */
export const LOCATION_RANGE = { lon: [73, 136], lat: [3, 54] } as const;

const yuan = z.number().finite().nonnegative().max(MAX_YUAN);

/**
 * Free text ClickHouse will store: no lone UTF-16 surrogate (`"\ud83d"` without its pair). JSON allows
 * one; ClickHouse refuses the insert (a lone high one) or stores invalid UTF-8 (a lone low one).
 */
const text = ([min, max]: readonly [number, number]) =>
  z.string().min(min).max(max).refine(isWellFormed, 'must be valid Unicode text (it holds a lone UTF-16 surrogate)');

/** String.prototype.isWellFormed (ES2024, Node 20): native and linear; our TypeScript lib is ES2023. */
export const isWellFormed = (s: string) => (s as string & { isWellFormed(): boolean }).isWellFormed();

export const caseInputSchema = z
  .strictObject({
    id: z.string().regex(CASE_ID_PATTERN, 'must be 1-64 characters of A-Z a-z 0-9 _ -'),
    receivedAt: isoWithOffset,
    updatedAt: isoWithOffset.optional(),
    /** when the complaint was accepted: from then on the 45-working-day mediation clock runs */
    acceptedAt: isoWithOffset.optional(),
    /** a report's verification extended by 15 working days (30 in all) */
    extendedDays: z
      .number()
      .refine((n) => (EXTENDED_DAYS as readonly number[]).includes(n), `must be ${EXTENDED_DAYS.join(' or ')}`)
      .optional(),
    line: z.enum(LINE_CODES),
    kind: z.enum(KIND_CODES),
    channel: z.enum(CHANNEL_CODES),
    regionCode: z
      .string()
      .regex(ADCODE_PATTERN, 'must be a 6-digit adcode')
      .refine(isKnownRegion, 'is not in the shipped region list'),
    category: z.enum(CATEGORY_CODES),
    issueType: z.enum(ISSUE_TYPE_CODES),
    status: z.enum(STATUS_CODES),
    urgent: z.boolean().optional(),
    merchant: z
      .strictObject({
        id: text(TEXT_CHARS.merchantId).optional(),
        name: text(TEXT_CHARS.merchantName),
      })
      .optional(),
    brand: text(TEXT_CHARS.brand).optional(),
    amountYuan: yuan.optional(),
    recoveredYuan: yuan.optional(),
    location: z
      .strictObject({
        lon: z.number().min(LOCATION_RANGE.lon[0]).max(LOCATION_RANGE.lon[1]),
        lat: z.number().min(LOCATION_RANGE.lat[0]).max(LOCATION_RANGE.lat[1]),
      })
      .optional(),
    summary: text(TEXT_CHARS.summary).optional(),
  })
  .refine((c) => c.updatedAt === undefined || Date.parse(c.updatedAt) >= Date.parse(c.receivedAt), {
    message: 'must not be earlier than receivedAt',
    path: ['updatedAt'],
  })
  .refine((c) => c.acceptedAt === undefined || Date.parse(c.acceptedAt) >= Date.parse(c.receivedAt), {
    message: 'must not be earlier than receivedAt',
    path: ['acceptedAt'],
  })
  .refine((c) => !c.extendedDays || c.kind === 'report', {
    message: 'only the verification of a report can be extended',
    path: ['extendedDays'],
  });

export type CaseInput = z.infer<typeof caseInputSchema>;

/** Cases are kept six years (five on the wall plus a year for annual comparisons); older ones are refused. */
export const RETENTION_YEARS = 6;
/** How far ahead of the server's clock a sender's clock may run before its times count as future. */
export const MAX_CLOCK_SKEW_MS = 10 * 60_000;

/**
 * The checks that depend on the time of posting: a case from the future, or one older than the
 * retention the store keeps, would be stored wrongly or dropped silently by the TTL. "field: reason".
 */
export function checkCaseTimes(c: Pick<CaseInput, 'receivedAt' | 'updatedAt' | 'acceptedAt'>, nowMs: number): string[] {
  const errors: string[] = [];
  const latest = nowMs + MAX_CLOCK_SKEW_MS;
  const received = Date.parse(c.receivedAt);
  const oldest = new Date(nowMs);
  oldest.setUTCFullYear(oldest.getUTCFullYear() - RETENTION_YEARS);
  if (received > latest) errors.push('receivedAt: is in the future');
  if (received < oldest.getTime()) errors.push(`receivedAt: is older than the ${RETENTION_YEARS}-year retention`);
  if (c.updatedAt !== undefined && Date.parse(c.updatedAt) > latest) errors.push('updatedAt: is in the future');
  if (c.acceptedAt !== undefined && Date.parse(c.acceptedAt) > latest) errors.push('acceptedAt: is in the future');
  return errors;
}

export interface RejectedCase {
  index: number;
  id?: string;
  errors: string[];
}

export interface IngestReply {
  accepted: number;
  rejected: RejectedCase[];
}

/** Enough to fix a case by; a case of a thousand unknown fields does not get a thousand-line reply. */
const MAX_ERRORS_PER_CASE = 10;
const MAX_NAMES_LISTED = 5;

/** Formats zod issues as "field: reason" strings, the shape the ingest reply promises. */
export function describeIssues(error: z.ZodError): string[] {
  const described = error.issues.slice(0, MAX_ERRORS_PER_CASE).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.map((part) => clip(String(part))).join('.') : '(case)';
    if (issue.code !== 'unrecognized_keys') return `${field}: ${issue.message}`;
    const names = issue.keys.slice(0, MAX_NAMES_LISTED).map(clip).join(', ');
    const more = issue.keys.length - MAX_NAMES_LISTED;
    return `${names}${more > 0 ? ` and ${more} more` : ''}: unknown field${issue.keys.length > 1 ? 's' : ''}`;
  });
  const more = error.issues.length - MAX_ERRORS_PER_CASE;
  if (more > 0) described.push(`(case): ${more} more problems`);
  return described;
}

const clip = (name: string) => (name.length > 40 ? `${name.slice(0, 40)}…` : name);
