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

/** A lookup started when cases were submitted, while the batch before them was still being written. */
interface Prefetch {
  /** cache entries written before the lookup started */
  learnedAtStart: number;
  /** the stored state of the ids it asked for; null when the lookup failed */
  states: Promise<Map<string, KnownCase> | null>;
}

export function createCaseWriter(clickhouse: ClickHouse, cacheSize = 200_000) {
  const known = new LruMap<string, KnownCase>(cacheSize);
  const prefetched = new Map<string, Prefetch>();
  /** cache entries written so far */
  let learned = 0;
  // A prefetched state is trusted only while every case this writer stored since is still in the
  // cache, which then holds the fresher state: while far fewer entries than the cache's size were written.
  const prefetchTrusted = (p: Prefetch) => learned - p.learnedAtStart < cacheSize / 2;

  async function queryStates(ids: string[], versions: CaseVersion[]): Promise<Map<string, KnownCase>> {
    const found = new Map<string, KnownCase>();
    if (ids.length === 0) return found;
    let fromMs = Infinity;
    let toMs = -Infinity;
    for (const v of versions) {
      fromMs = Math.min(fromMs, v.receivedAtMs);
      toMs = Math.max(toMs, v.receivedAtMs);
    }
    const rows = await clickhouse.query<CaseStateRow>('case-state-by-ids', caseStateSql, {
      ids,
      fromReceived: toDateTime64(fromMs),
      toReceived: toDateTime64(toMs),
    });
    for (const row of rows) found.set(row.id, { head: parseHead(row), versions: new Set(row.versions.map(Number)) });
    return found;
  }

  /**
   * Starts looking up the stored state of cases not in the cache, so that the lookup runs while
   * earlier batches are being inserted rather than in front of this batch's insert.
   */
  function prefetch(versions: CaseVersion[]): void {
    const ids = [...new Set(versions.filter((v) => !known.has(v.id) && !prefetched.has(v.id)).map((v) => v.id))];
    if (ids.length === 0) return;
    const lookup: Prefetch = { learnedAtStart: learned, states: queryStates(ids, versions).catch(() => null) };
    for (const id of ids) prefetched.set(id, lookup);
  }

  async function lookUp(versions: CaseVersion[]): Promise<Map<string, KnownCase>> {
    const found = new Map<string, KnownCase>();
    const missing = new Set<string>();
    const waiting = new Map<Prefetch, string[]>();
    for (const v of versions) {
      if (found.has(v.id) || missing.has(v.id)) continue;
      // the cache first: it holds every case this writer stored lately, fresher than any lookup
      const cached = known.get(v.id);
      const early = prefetched.get(v.id);
      prefetched.delete(v.id); // used now, or superseded by the cache
      if (cached) found.set(v.id, { head: cached.head, versions: new Set(cached.versions) });
      else if (early && prefetchTrusted(early)) {
        const ids = waiting.get(early);
        if (ids) ids.push(v.id);
        else waiting.set(early, [v.id]);
      } else missing.add(v.id);
    }
    for (const [lookup, ids] of waiting) {
      const states = await lookup.states;
      for (const id of ids) {
        const state = states?.get(id);
        if (!states) missing.add(id);
        else if (state) found.set(id, state);
      }
    }
    const queried = await queryStates(
      [...missing],
      versions.filter((v) => missing.has(v.id)),
    );
    for (const [id, state] of queried) found.set(id, state);
    return found;
  }

  /** Forgets prefetched lookups too old to be trusted (their cases were set aside, never written). */
  function forgetStalePrefetches(): void {
    if (prefetched.size > cacheSize / 4)
      for (const [id, lookup] of prefetched) if (!prefetchTrusted(lookup)) prefetched.delete(id);
  }

  /** Stores what is new in `versions`; throws (storing nothing) when ClickHouse fails. */
  async function write(versions: CaseVersion[]): Promise<WriteResult> {
    try {
      const state = await lookUp(versions);
      const ordered = [...versions].sort((a, b) =>
        a.id === b.id ? a.versionAtMs - b.versionAtMs : a.id < b.id ? -1 : 1,
      );
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
      learned += state.size;
      return { stored: rows.length, duplicates };
    } finally {
      forgetStalePrefetches();
    }
  }

  return { write, prefetch };
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
