// The scrubber's rules find spans of personal data on a half-width view of the text, which has the
// same length as the text; the spans are then replaced in the original, so that everything around
// them is kept exactly as it was written (full-width punctuation included).

/** A piece of the text to replace by a token such as [手机号]. */
export interface Span {
  start: number;
  end: number;
  token: string;
}

/**
 * Full-width ASCII (０-９, ＋, ＠, Ｘ, ：...), the ideographic space and the dashes, as their half-width
 * forms. Every one of them is a single UTF-16 unit, like its replacement, so positions do not move.
 */
export function toHalfWidth(text: string): string {
  if (!WIDE.test(text)) return text;
  const chunks: string[] = [];
  const units = new Uint16Array(Math.min(text.length, CHUNK));
  for (let from = 0; from < text.length; from += CHUNK) {
    const to = Math.min(text.length, from + CHUNK);
    for (let i = from; i < to; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xff01 && code <= 0xff5e) units[i - from] = code - 0xfee0;
      else if (code === 0x3000) units[i - from] = 0x20;
      else if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) units[i - from] = 0x2d;
      else units[i - from] = code;
    }
    // String.fromCharCode keeps a lone surrogate as it is: one unit for one unit
    chunks.push(String.fromCharCode(...units.subarray(0, to - from)));
  }
  return chunks.join('');
}

const WIDE = /[\uFF01-\uFF5E\u3000\u2010-\u2015\u2212]/;
/** units converted at a time: String.fromCharCode takes them as arguments */
const CHUNK = 8192;

/** `text` with the spans (in order, not overlapping) replaced by their tokens. */
export function replaceSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    parts.push(text.slice(at, span.start), span.token);
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}
