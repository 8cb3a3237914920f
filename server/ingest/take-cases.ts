// What POST /api/v1/cases does with a body before anything is stored: parse it (a JSON array or
// NDJSON), validate each item, scrub it into a CaseVersion and cut its summary's words. Pure work on
// the request alone, so it runs on an ingest thread (ingest-threads.ts) or, without one, on the
// event loop in time slices.
import { isPlainlyValidCase } from '@shared/case-quick-check';
import { caseInputSchema, checkCaseTimes, describeIssues, type RejectedCase } from '@shared/case-schema';
import { toCaseVersion, type CaseVersion } from './case-row';
import { BodyError, parseCasesBody, type BodyLimits } from './parse-body';
import { termsOfSummaries } from './term-segmenter';
import type { TimeSlice } from './time-slice';

/** More JSON than any valid case can hold: its strings are capped at 2,000 + 200 + 100 characters. */
export const MAX_CASE_CHARS = 64 * 1024;

export interface CasesRequest {
  contentType: string | undefined;
  body: string;
  /** the server's clock when the request arrived: a case received after it is refused */
  nowMs: number;
}

export type TakenCases =
  | {
      ok: true;
      /** valid versions, scrubbed, with their terms */
      accepted: CaseVersion[];
      /** each accepted version's index in the request, to name a case refused at storing */
      indexes: number[];
      rejected: RejectedCase[];
    }
  /** the body as a whole was refused: nothing in it is taken */
  | { ok: false; status: BodyError['status']; error: string };

/**
 * The body as text: UTF-8, a byte-order mark dropped, a malformed sequence replaced (U+FFFD).
 * Buffer#toString, not TextDecoder: about six times faster on Chinese text.
 */
export function bodyText(body: Uint8Array): string {
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export async function takeCases(
  request: CasesRequest,
  limits: BodyLimits,
  slice: TimeSlice,
  /** on an ingest thread (nothing else waits behind it) or on the event loop (in time slices) */
  where: 'thread' | 'loop',
): Promise<TakenCases> {
  let parsed;
  try {
    parsed = await parseCasesBody(request.contentType, request.body, limits, slice, where === 'thread');
  } catch (error) {
    if (error instanceof BodyError) return { ok: false, status: error.status, error: error.message };
    throw error;
  }
  const { accepted, indexes, rejected } = await validate(parsed.items, parsed.itemErrors, request.nowMs, slice);
  if (accepted.length > 0) {
    // from the scrubbed summaries: personal data is gone before anything is indexed
    const terms = await termsOfSummaries(
      accepted.map((version) => version.summary),
      where === 'thread' ? 'here' : 'pool',
    );
    accepted.forEach((version, i) => (version.termsJson = JSON.stringify(terms[i])));
  }
  return { ok: true, accepted, indexes, rejected };
}

async function validate(items: unknown[], itemErrors: Map<number, string>, nowMs: number, slice: TimeSlice) {
  const accepted: CaseVersion[] = [];
  const indexes: number[] = [];
  const rejected: RejectedCase[] = [];
  for (const [index, item] of items.entries()) {
    if (slice.due()) await slice.pause();
    const itemError = itemErrors.get(index);
    if (itemError) {
      rejected.push({ index, errors: [itemError] });
      continue;
    }
    // most cases are plainly valid: zod (its results and error messages) only for the rest
    const result = isPlainlyValidCase(item)
      ? ({ success: true, data: item } as const)
      : caseInputSchema.safeParse(item);
    const errors = result.success ? checkCaseTimes(result.data, nowMs) : describeIssues(result.error);
    if (result.success && errors.length === 0) {
      accepted.push(toCaseVersion(result.data));
      indexes.push(index);
    } else rejected.push({ index, id: idOf(item), errors });
  }
  return { accepted, indexes, rejected };
}

function idOf(item: unknown): string | undefined {
  if (item && typeof item === 'object' && 'id' in item && typeof item.id === 'string') return item.id.slice(0, 64);
  return undefined;
}
