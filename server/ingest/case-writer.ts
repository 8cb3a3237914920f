// Writes case versions to ClickHouse exactly once each, with the lifecycle bookkeeping the rollups
// need: for every version, whether it became the case's head and which head it superseded.
// Single writer per store: this process's head cache is the truth between its own inserts.
import type { ClickHouse } from '../clickhouse/client';
import { toDateTime64 } from '../clickhouse/datetime';
import { loadQuery } from '../queries/load';
import { headOf, toStoredRow, type CaseHead, type CaseVersion, type StoredRow } from './case-row';
import { LruMap } from './lru-map';

interface KnownCase {
  head: CaseHead;
  /** version times already stored, to skip a version posted twice */
  versions: Set<number>;
}

interface CaseStateRow {
  id: string;
  versions: Array<number | string>;
  version_at_ms: number | string;
  received_at_ms: number | string;
  due_at_ms: number | string;
  line: string;
  kind: string;
  channel: string;
  region_code: number;
  category: string;
  status: string;
  urgent: number;
  amount_yuan: string;
  recovered_yuan: string;
}

const caseStateSql = loadQuery('case-state-by-ids');

export interface WriteResult {
  stored: number;
  duplicates: number;
}

export function createCaseWriter(clickhouse: ClickHouse, cacheSize = 200_000) {
  const known = new LruMap<string, KnownCase>(cacheSize);

  async function lookUp(versions: CaseVersion[]): Promise<Map<string, KnownCase>> {
    const found = new Map<string, KnownCase>();
    const missing = new Set<string>();
    let fromMs = Infinity;
    let toMs = -Infinity;
    for (const v of versions) {
      const cached = known.get(v.id);
      if (cached) found.set(v.id, { head: cached.head, versions: new Set(cached.versions) });
      else if (!missing.has(v.id)) {
        missing.add(v.id);
        fromMs = Math.min(fromMs, v.receivedAtMs);
        toMs = Math.max(toMs, v.receivedAtMs);
      }
    }
    if (missing.size === 0) return found;
    const rows = await clickhouse.query<CaseStateRow>('case-state-by-ids', caseStateSql, {
      ids: [...missing],
      fromReceived: toDateTime64(fromMs),
      toReceived: toDateTime64(toMs),
    });
    for (const row of rows) found.set(row.id, { head: parseHead(row), versions: new Set(row.versions.map(Number)) });
    return found;
  }

  /** Stores what is new in `versions`; throws (storing nothing) when ClickHouse fails. */
  async function write(versions: CaseVersion[]): Promise<WriteResult> {
    const state = await lookUp(versions);
    const ordered = [...versions].sort((a, b) => (a.id === b.id ? a.versionAtMs - b.versionAtMs : a.id < b.id ? -1 : 1));
    const rows: StoredRow[] = [];
    let duplicates = 0;
    for (const version of ordered) {
      const current = state.get(version.id);
      if (current?.versions.has(version.versionAtMs)) {
        duplicates += 1;
        continue;
      }
      const becomesHead = !current || version.versionAtMs > current.head.versionAtMs;
      rows.push(toStoredRow(version, becomesHead, current?.head));
      if (current) {
        current.versions.add(version.versionAtMs);
        if (becomesHead) current.head = headOf(version);
      } else {
        state.set(version.id, { head: headOf(version), versions: new Set([version.versionAtMs]) });
      }
    }
    await clickhouse.insert('case_versions', rows);
    // only now that the insert succeeded does the cache learn the new heads
    for (const [id, entry] of state) known.set(id, entry);
    return { stored: rows.length, duplicates };
  }

  return { write };
}

function parseHead(row: CaseStateRow): CaseHead {
  return {
    id: row.id,
    versionAtMs: Number(row.version_at_ms),
    receivedAtMs: Number(row.received_at_ms),
    dueAtMs: Number(row.due_at_ms),
    line: row.line,
    kind: row.kind,
    channel: row.channel,
    status: row.status,
    regionCode: Number(row.region_code),
    category: row.category,
    urgent: Number(row.urgent) === 1,
    amountYuan: Number(row.amount_yuan),
    recoveredYuan: Number(row.recovered_yuan),
  };
}

export type CaseWriter = ReturnType<typeof createCaseWriter>;
