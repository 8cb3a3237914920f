// Turns a request body into candidate cases: a JSON array, or NDJSON (one case per line).
// A body that cannot be parsed is refused with where it broke; in NDJSON a bad line is rejected
// on its own and the good lines go on.

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 415,
    message: string,
  ) {
    super(message);
  }
}

export interface ParsedBody {
  /** candidates in body order; undefined where an NDJSON line did not parse */
  items: unknown[];
  lineErrors: Map<number, string>;
}

export function parseCasesBody(contentType: string | undefined, body: string): ParsedBody {
  const type = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json') return parseJsonArray(body);
  if (type === 'application/x-ndjson' || type === 'application/ndjson') return parseNdjson(body);
  throw new BodyError(415, `content-type must be application/json or application/x-ndjson, got "${type || 'none'}"`);
}

function parseJsonArray(body: string): ParsedBody {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new BodyError(400, `body is not valid JSON: ${describeJsonError(error as Error, body)}`);
  }
  if (!Array.isArray(value)) throw new BodyError(400, 'body must be a JSON array of cases');
  return { items: value, lineErrors: new Map() };
}

function parseNdjson(body: string): ParsedBody {
  const items: unknown[] = [];
  const lineErrors = new Map<number, string>();
  const lines = body.split('\n');
  lines.forEach((line, lineIndex) => {
    if (line.trim() === '') return;
    try {
      items.push(JSON.parse(line));
    } catch (error) {
      lineErrors.set(items.length, `line ${lineIndex + 1}: not valid JSON: ${describeJsonError(error as Error, line)}`);
      items.push(undefined);
    }
  });
  if (items.length === 0) throw new BodyError(400, 'body holds no cases');
  if (lineErrors.size === items.length) throw new BodyError(400, `no line could be parsed; ${[...lineErrors.values()][0]}`);
  return { items, lineErrors };
}

/** Says where JSON.parse stopped, as line and column. */
function describeJsonError(error: Error, text: string): string {
  const position = errorPosition(error.message, text);
  if (position === undefined) return error.message;
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${error.message} (line ${line}, column ${column})`;
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
