// A quick yes for a case that is plainly valid, for the ingest's hot path (tens of thousands of cases a
// second): the same rules as caseInputSchema, checked by hand without building zod's results. It only
// ever says yes or "not sure": anything it does not accept goes through caseInputSchema, which has the
// last word and writes the errors. case-quick-check.test.ts holds it to that: whatever it accepts,
// the schema accepts with the same data.
import { regexes } from 'zod/v4/core';
import {
  ADCODE_PATTERN,
  CASE_ID_PATTERN,
  isWellFormed,
  LOCATION_RANGE,
  MAX_YUAN,
  TEXT_CHARS,
  type CaseInput,
} from './case-schema';
import { CATEGORY_CODES, CHANNEL_CODES, ISSUE_TYPE_CODES, KIND_CODES, LINE_CODES, STATUS_CODES } from './codes';
import { EXTENDED_DAYS } from './deadlines';
import { isKnownRegion } from './regions';

/** zod's own pattern for z.iso.datetime({ offset: true }) */
const ISO_WITH_OFFSET = regexes.datetime({ offset: true });

const CASE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'receivedAt',
  'updatedAt',
  'acceptedAt',
  'extendedDays',
  'line',
  'kind',
  'channel',
  'regionCode',
  'category',
  'issueType',
  'status',
  'urgent',
  'merchant',
  'brand',
  'amountYuan',
  'recoveredYuan',
  'location',
  'summary',
]);
const oneOf = (codes: readonly string[]): ReadonlySet<unknown> => new Set(codes);
const LINES = oneOf(LINE_CODES);
const KINDS = oneOf(KIND_CODES);
const CHANNELS = oneOf(CHANNEL_CODES);
const CATEGORIES = oneOf(CATEGORY_CODES);
const ISSUE_TYPES = oneOf(ISSUE_TYPE_CODES);
const STATUSES = oneOf(STATUS_CODES);

type Fields = Record<string, unknown>;

/** A plain object whose keys are all in `keys` (a strict object). */
function strictObject(value: unknown, keys: ReadonlySet<string>): value is Fields {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) if (!keys.has(key)) return false;
  return true;
}

const isText = (value: unknown, [min, max]: readonly [number, number]): boolean =>
  typeof value === 'string' && value.length >= min && value.length <= max && isWellFormed(value);
const isTime = (value: unknown): value is string => typeof value === 'string' && ISO_WITH_OFFSET.test(value);
const isNumberIn = (value: unknown, [min, max]: readonly [number, number]): boolean =>
  typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
const absentOr = (value: unknown, check: (value: unknown) => boolean): boolean => value === undefined || check(value);

const MERCHANT_KEYS: ReadonlySet<string> = new Set(['id', 'name']);
const LOCATION_KEYS: ReadonlySet<string> = new Set(['lon', 'lat']);
const isYuan = (value: unknown) => isNumberIn(value, [0, MAX_YUAN]);
const isMerchant = (value: unknown) =>
  strictObject(value, MERCHANT_KEYS) &&
  isText(value.name, TEXT_CHARS.merchantName) &&
  absentOr(value.id, (id) => isText(id, TEXT_CHARS.merchantId));
const isLocation = (value: unknown) =>
  strictObject(value, LOCATION_KEYS) &&
  isNumberIn(value.lon, LOCATION_RANGE.lon) &&
  isNumberIn(value.lat, LOCATION_RANGE.lat);

/** Whether caseInputSchema surely accepts `item` as it is (false: ask the schema). */
export function isPlainlyValidCase(item: unknown): item is CaseInput {
  if (!strictObject(item, CASE_KEYS)) return false;
  const c = item;
  if (typeof c.id !== 'string' || !CASE_ID_PATTERN.test(c.id) || !isTime(c.receivedAt)) return false;
  if (!absentOr(c.updatedAt, isTime) || !absentOr(c.acceptedAt, isTime)) return false;
  if (!absentOr(c.extendedDays, (n) => typeof n === 'number' && (EXTENDED_DAYS as readonly unknown[]).includes(n)))
    return false;
  if (!LINES.has(c.line) || !KINDS.has(c.kind) || !CHANNELS.has(c.channel)) return false;
  if (!CATEGORIES.has(c.category) || !ISSUE_TYPES.has(c.issueType) || !STATUSES.has(c.status)) return false;
  if (typeof c.regionCode !== 'string' || !ADCODE_PATTERN.test(c.regionCode) || !isKnownRegion(c.regionCode))
    return false;
  if (!absentOr(c.urgent, (urgent) => typeof urgent === 'boolean')) return false;
  if (!absentOr(c.merchant, isMerchant) || !absentOr(c.brand, (brand) => isText(brand, TEXT_CHARS.brand))) return false;
  if (!absentOr(c.amountYuan, isYuan) || !absentOr(c.recoveredYuan, isYuan)) return false;
  if (!absentOr(c.location, isLocation) || !absentOr(c.summary, (summary) => isText(summary, TEXT_CHARS.summary)))
    return false;
  // the schema's refinements
  const receivedMs = Date.parse(c.receivedAt);
  if (c.updatedAt !== undefined && !(Date.parse(c.updatedAt as string) >= receivedMs)) return false;
  if (c.acceptedAt !== undefined && !(Date.parse(c.acceptedAt as string) >= receivedMs)) return false;
  return !c.extendedDays || c.kind === 'report';
}
