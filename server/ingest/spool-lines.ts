// Reads the spool file back: one JSON array of case versions per line. Nothing in it is skipped in
// silence: a line that does not read as a batch is returned as unreadable, for the spool to move
// aside and count. A complete batch glued after a torn one (what an append after a failed append
// wrote before the spool cut failed appends back) is recovered: a batch line always starts with
// `[{"id":`, which cannot occur inside a JSON string (its quotes would be escaped).
import type { CaseVersion } from './case-row';

const BATCH_START = '[{"id":';

export interface SpoolContent {
  /** the raw text of each readable batch line, in file order */
  lines: string[];
  batches: CaseVersion[][];
  /** text that does not read as a batch: torn writes, corruption */
  unreadable: string[];
  /** false when the file does not end with a newline (its last line was torn, or is being written) */
  cleanEnd: boolean;
}

export function readSpoolContent(text: string): SpoolContent {
  const content: SpoolContent = {
    lines: [],
    batches: [],
    unreadable: [],
    cleanEnd: text === '' || text.endsWith('\n'),
  };
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const batch = asBatch(line);
    if (batch) {
      content.lines.push(line);
      content.batches.push(batch);
      continue;
    }
    const glued = gluedBatch(line);
    if (glued) {
      content.unreadable.push(line.slice(0, glued.at));
      content.lines.push(line.slice(glued.at));
      content.batches.push(glued.batch);
    } else {
      content.unreadable.push(line);
    }
  }
  return content;
}

function asBatch(line: string): CaseVersion[] | undefined {
  if (!line.startsWith(BATCH_START)) return undefined;
  try {
    const value: unknown = JSON.parse(line);
    if (Array.isArray(value) && value.every((v) => v && typeof v === 'object' && typeof v.id === 'string')) {
      return value as CaseVersion[];
    }
  } catch {
    // not a whole batch: the caller keeps it as unreadable
  }
  return undefined;
}

/** The first complete batch starting inside `line` and running to its end, if any. */
function gluedBatch(line: string): { at: number; batch: CaseVersion[] } | undefined {
  for (let at = line.indexOf(BATCH_START, 1); at > 0; at = line.indexOf(BATCH_START, at + 1)) {
    const batch = asBatch(line.slice(at));
    if (batch) return { at, batch };
  }
  return undefined;
}
