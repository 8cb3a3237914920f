// Turns a request body into candidate cases: a JSON array, or NDJSON (one case per line).
// A body that cannot be parsed is refused with where it broke; in NDJSON a bad line is rejected
// on its own and the good lines go on. The cases are counted before any is parsed (a body over
// the per-request limit costs one scan), and parsed one by one in time slices.
import { arraySpans, lineSpans, SpanError, type Span } from './body-spans';
import type { TimeSlice } from './time-slice';

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

export interface ParsedBody {
  /** candidates in body order; undefined where an item could not be taken (see itemErrors) */
  items: unknown[];
  itemErrors: Map<number, string>;
}

export interface BodyLimits {
  maxCases: number;
  /** no valid case comes near this much JSON (its strings are capped): a bigger item is refused unparsed */
  maxCaseChars: number;
}

/**
 * `whole`: a well-formed JSON array is parsed in one call, about twice as fast as item by item; only
 * on a thread of its own (the call cannot be cut into time slices). Item by item otherwise, and
 * whenever the whole does not parse (to say where it broke).
 */
export async function parseCasesBody(
  contentType: string | undefined,
  body: string,
  limits: BodyLimits,
  slice: TimeSlice,
  whole = false,
): Promise<ParsedBody> {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  const ndjson = type === 'application/x-ndjson' || type === 'application/ndjson';
  if (type !== 'application/json' && !ndjson) {
    throw new BodyError(415, `content-type must be application/json or application/x-ndjson, got "${type || 'none'}"`);
  }
  let found;
  try {
    found = await (ndjson ? lineSpans : arraySpans)(body, limits.maxCases, slice);
  } catch (error) {
    if (!(error instanceof SpanError)) throw error;
    throw new BodyError(
      400,
      `${error.message.startsWith('body must') ? '' : 'body is not valid JSON: '}${error.message} (${lineAndColumn(body, error.position)})`,
    );
  }
  if (found.count > limits.maxCases) {
    throw new BodyError(
      413,
      `${found.count} cases in one request, over the limit of ${limits.maxCases} (MAX_CASES_PER_REQUEST): send them in several requests`,
    );
  }
  if (ndjson && found.count === 0) throw new BodyError(400, 'body holds no cases');
  if (whole && !ndjson && found.spans.every(([start, end]) => end - start <= limits.maxCaseChars)) {
    const items = parseWhole(body, found.count);
    if (items) return { items, itemErrors: new Map() };
  }
  const parsed: ParsedBody = { items: [], itemErrors: new Map() };
  for (const [index, span] of found.spans.entries()) {
    if (slice.due()) await slice.pause();
    const error = takeItem(body, span, limits, parsed);
    if (error === undefined) continue;
    // a broken NDJSON line is that case's problem; a broken array element breaks the whole body
    if (!ndjson)
      throw new BodyError(400, `body is not valid JSON: ${error.message} (${lineAndColumn(body, error.position)})`);
    parsed.itemErrors.set(
      index,
      `line ${span[2]}: not valid JSON: ${error.message} (column ${error.position - span[0] + 1})`,
    );
  }
  if (ndjson && parsed.itemErrors.size === parsed.items.length)
    throw new BodyError(400, `no line could be parsed; ${[...parsed.itemErrors.values()][0]}`);
  return parsed;
}

function parseWhole(body: string, count: number): unknown[] | undefined {
  try {
    const items: unknown = JSON.parse(body);
    return Array.isArray(items) && items.length === count ? items : undefined;
  } catch {
    return undefined;
  }
}

/** Parses one item into `parsed`; returns where its JSON broke, if it did. */
function takeItem(body: string, [start, end]: Span, limits: BodyLimits, parsed: ParsedBody): SpanError | undefined {
  if (end - start > limits.maxCaseChars) {
    parsed.itemErrors.set(
      parsed.items.length,
      `(case): ${end - start} characters of JSON, more than a case can hold (${limits.maxCaseChars})`,
    );
    parsed.items.push(undefined);
    return undefined;
  }
  const text = body.slice(start, end);
  try {
    parsed.items.push(JSON.parse(text));
    return undefined;
  } catch (error) {
    parsed.items.push(undefined);
    const message = (error as Error).message;
    return new SpanError(withoutPosition(message), start + (errorPosition(message, text) ?? 0));
  }
}

function lineAndColumn(body: string, position: number): string {
  let line = 1;
  let lineStart = 0;
  for (let at = body.indexOf('\n'); at >= 0 && at < position; at = body.indexOf('\n', at + 1)) {
    line += 1;
    lineStart = at + 1;
  }
  return `line ${line}, column ${position - lineStart + 1}`;
}

/** V8's own position is relative to the item, not the body: ours replaces it. */
function withoutPosition(message: string): string {
  return message.replace(/ (?:in JSON )?at position \d+(?: \(line \d+ column \d+\))?/, '');
}

/**
 * V8 names the position in some messages ("... at position 12"); in others it quotes the text around
 * the unexpected token (`Unexpected token '}', "...": }]" is not valid JSON`), which we find again.
 */
function errorPosition(message: string, text: string): number | undefined {
  const at = /position (\d+)/.exec(message);
  if (at) return Number(at[1]);
  if (/Unexpected end of JSON input/.test(message)) return text.length;
  const quoted = /^Unexpected token '(.+?)', (?:\.\.\.)?"([\s\S]*)"(?:\.\.\.)? is not valid JSON$/.exec(message);
  if (!quoted) return undefined;
  const [, token, context] = quoted;
  const contextAt = text.indexOf(context);
  if (contextAt < 0) return undefined;
  return contextAt + Math.max(0, context.indexOf(token));
}
