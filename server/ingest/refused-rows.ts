// Rows of the insert log that ClickHouse refused, read back as the cases they came from: to name a
// refused case in its request's reply, to set it aside under its column names, and to have the case
// writer look it up next time rather than trust its cache.
import { toDateTime64 } from '../clickhouse/datetime';
import type { RefusedRow } from './log-inserter';

/** The row under its column names (the line itself when it does not read as a JSON array). */
export function rowObject({ line, columns }: Pick<RefusedRow, 'line' | 'columns'>): Record<string, unknown> {
  try {
    const values = JSON.parse(line) as unknown[];
    return Object.fromEntries(columns.map((column, i) => [column, values[i]]));
  } catch {
    return { line };
  }
}

/** The refused row's case, as the case writer forgets it. */
export function rowIdentity(row: RefusedRow): { id: string; receivedAtMs: number } {
  const values = rowObject(row);
  return {
    id: String(values.id),
    // DateTime64 travels as 'YYYY-MM-DD hh:mm:ss.mmm' in UTC
    receivedAtMs: Date.parse(`${String(values.received_at).replace(' ', 'T')}Z`) || Date.now(),
  };
}

const versionKey = (id: unknown, versionAt: unknown) => `${String(id)}\u0000${String(versionAt)}`;

/**
 * Matches refused rows to the versions they were encoded from: `refusedOf(id, versionAtMs)` is the
 * row's reason, once (a version matched is taken off); `unclaimed()` the rows no version claimed.
 */
export function refusedByVersion(rows: RefusedRow[]) {
  const byKey = new Map(
    rows.map((row) => {
      const values = rowObject(row);
      return [versionKey(values.id, values.version_at), row] as const;
    }),
  );
  return {
    refusedOf(id: string, versionAtMs: number): string | undefined {
      if (byKey.size === 0) return undefined;
      const key = versionKey(id, toDateTime64(versionAtMs));
      const row = byKey.get(key);
      byKey.delete(key);
      return row?.reason;
    },
    unclaimed: (): RefusedRow[] => [...byKey.values()],
  };
}
