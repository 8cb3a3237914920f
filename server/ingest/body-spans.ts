// Finds where each case sits in a request body without parsing it: the elements of a JSON array,
// or the non-blank lines of NDJSON. A linear scan that keeps a few counters, so that a body of
// millions of tiny items is counted (and refused) before any per-item work, and the items are then
// parsed one by one in time slices rather than in one JSON.parse that holds the event loop.
import type { TimeSlice } from './time-slice';

/** [start, end) of one item in the body, and for NDJSON its line number (1-based) */
export type Span = readonly [number, number, number?];

/** The body's structure is broken at `position` (an offset into the body). */
export class SpanError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(message);
  }
}

const SCAN_CHUNK_CHARS = 256 * 1024;
const isBlank = (code: number) => code === 32 || code === 9 || code === 10 || code === 13;

/** The spans a scan keeps (the first `keep`) and how many it counted in all. */
export interface ScannedSpans {
  spans: Span[];
  count: number;
}

/** Elements of the JSON array that is the whole body; only the first `keep` spans are kept, all are counted. */
export async function arraySpans(body: string, keep: number, slice: TimeSlice): Promise<ScannedSpans> {
  const spans: Span[] = [];
  let count = 0;
  let depth = 0;
  let inString = false;
  let start = -1;
  let closedAt = -1;
  const close = (end: number) => {
    if (start < 0) throw new SpanError('Unexpected "," or "]": an element is missing', end);
    let last = end;
    while (isBlank(body.charCodeAt(last - 1))) last -= 1;
    if (count < keep) spans.push([start, last]);
    count += 1;
    start = -1;
  };
  let at = 0;
  while (at < body.length && isBlank(body.charCodeAt(at))) at += 1;
  if (body[at] !== '[') throw new SpanError('body must be a JSON array of cases', at);
  for (let i = at; i < body.length && closedAt < 0;) {
    const end = Math.min(body.length, i + SCAN_CHUNK_CHARS);
    for (; i < end; i += 1) {
      const code = body.charCodeAt(i);
      if (inString) {
        // jump to the next quote (a native scan: most of a body is strings); it closes the string
        // unless an odd run of backslashes escapes it
        const quote = body.indexOf('"', i);
        if (quote < 0) {
          i = body.length;
          break;
        }
        let backslashes = 0;
        while (body.charCodeAt(quote - 1 - backslashes) === 92) backslashes += 1;
        if (backslashes % 2 === 0) inString = false;
        i = quote;
        continue;
      }
      if (depth === 1 && start < 0 && !isBlank(code) && code !== 44 && code !== 93) start = i;
      if (code === 34) inString = true;
      else if (code === 91 || code === 123) depth += 1;
      else if (code === 93 || code === 125) {
        depth -= 1;
        if (depth === 0) {
          if (code !== 93) throw new SpanError('Unexpected "}": the array is not closed by "]"', i);
          if (start >= 0 || count > 0) close(i);
          closedAt = i;
          break;
        }
      } else if (code === 44 && depth === 1) close(i);
    }
    if (slice.due()) await slice.pause();
  }
  if (closedAt < 0) throw new SpanError('Unexpected end of JSON input', body.length);
  for (let i = closedAt + 1; i < body.length; i += 1) {
    if (!isBlank(body.charCodeAt(i))) throw new SpanError('Unexpected non-whitespace character after the array', i);
  }
  return { spans, count };
}

/** Non-blank lines of an NDJSON body; only the first `keep` spans are kept, all are counted. */
export async function lineSpans(body: string, keep: number, slice: TimeSlice): Promise<ScannedSpans> {
  const spans: Span[] = [];
  let count = 0;
  for (let from = 0, lines = 0; from <= body.length; lines += 1) {
    // lines counts every line, blank ones too: the number a sender sees in an editor
    const newline = body.indexOf('\n', from);
    const end = newline < 0 ? body.length : newline;
    let first = from;
    while (first < end && isBlank(body.charCodeAt(first))) first += 1;
    if (first < end) {
      if (count < keep) spans.push([from, end, lines + 1]);
      count += 1;
    }
    from = end + 1;
    if ((lines & 4095) === 0 && slice.due()) await slice.pause();
  }
  return { spans, count };
}
