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

/** Node's JSON errors name a character position; say line and column too. */
function describeJsonError(error: Error, text: string): string {
  const match = /position (\d+)/.exec(error.message);
  if (!match) return error.message;
  const position = Number(match[1]);
  const before = text.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return `${error.message} (line ${line}, column ${column})`;
}
