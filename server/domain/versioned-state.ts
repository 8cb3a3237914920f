// What every write domain's log fold shares: each event carries a record's whole state at a version,
// and applying it must follow the stored version by one (the first event starts at 1). Anything else
// means the log lost or repeated a row: say so, and since each event holds the whole state, the newer
// version still wins rather than a record going missing; a repeated or older version is ignored.
export interface Versioned {
  id: string;
  version: number;
}

/**
 * Applies `record` (from an event of type `type`) to `records`; returns what did not add up, if
 * anything. `noun` names the domain in that message (`notice`, `alert`).
 */
export function applyVersioned<R extends Versioned>(
  records: Map<string, R>,
  record: R,
  event: { type: string; isFirst: boolean },
  noun: string,
): string | undefined {
  const current = records.get(record.id);
  const expected = (current?.version ?? 0) + 1;
  if (current && record.version <= current.version)
    return `${noun} ${record.id}: v${record.version} again after v${current.version}, ignored`;
  records.set(record.id, record);
  if (record.version !== expected || event.isFirst !== (expected === 1))
    return `${noun} ${record.id}: ${event.type} v${record.version} where v${expected} was due`;
  return undefined;
}
