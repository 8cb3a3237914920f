// The columns every event log shares, whatever its domain: after the record's id, the record's
// version, the event's type, when and by whom. Each domain's toInsert starts its row with them and
// its fromRow reads them back through eventHead, so a row a newer version wrote fails the same way.
import { toDateTime64 } from '../clickhouse/datetime';

/** The shared columns of a row as inserted (the time as ClickHouse DateTime64 text). */
export interface EventColumns {
  version: number;
  event: string;
  at: string;
  actor: string;
}

export function eventColumns(version: number, type: string, atIso: string, actor: string): EventColumns {
  return { version, event: type, at: toDateTime64(Date.parse(atIso)), actor };
}

/** The shared columns as a log's query reads them back (the time in milliseconds, maybe as text). */
export interface EventColumnsRead {
  event: string;
  at_ms: number | string;
  actor: string;
}

/**
 * An event's type, time (UTC ISO) and actor from its row; throws, naming the row's `record`, for a
 * type this version does not know.
 */
export function eventHead<Type extends string>(types: readonly Type[], row: EventColumnsRead, record: string) {
  const type = types.find((t) => t === row.event);
  if (!type) throw new Error(`${record}: unknown event "${row.event}"`);
  return { type, at: new Date(Number(row.at_ms)).toISOString(), actor: row.actor };
}
