// Writes case versions to ClickHouse exactly once each, with the lifecycle bookkeeping the rollups
// need: for every version, whether it became the case's head and which head it superseded.
// Single writer per store: this process's head cache is the truth between its own inserts.
//
// Most versions posted are either of cases the cache holds or of brand-new cases, and a new case
// needs no look-up when it cannot be in the store: the writer keeps a mark, a receivedAt at or after
// that of every case stored and not in its cache. It starts at the store's newest receivedAt and rises
// past every case the cache forgets and every batch whose insert failed (it may have landed anyway).
// A case received after the mark that the cache does not hold has never been stored.
import { randomUUID } from 'node:crypto';
import type { ClickHouse } from '../clickhouse/client';
import { encodeValuesSliced, type EncodedRows } from '../clickhouse/encoded-rows';
import { runQuery } from '../clickhouse/define-query';
import { caseStateByIds } from '../queries/cases/case-state-by-ids';
import { newestReceived } from '../queries/cases/newest-received';
import { headOf, STORED_COLUMNS, storedRowValues, termsJsonOf, type CaseHead, type CaseVersion } from './case-row';
import type { InsertJournal } from './insert-journal';
import { LruMap } from './lru-map';
import { timeSlice } from './time-slice';

interface KnownCase {
  head: CaseHead;
  /**
   * version times already stored, to skip a version posted twice: an array, not a Set (most cases
   * have one or two versions, and 200,000 Sets in the cache were a large part of the heap to mark)
   */
  versions: number[];
}

export interface WriteResult {
  stored: number;
  duplicates: number;
  /** versions refused with a field error, e.g. a receivedAt that differs from the stored one */
  refused: Map<CaseVersion, string>;
}

/** How far around a batch's receivedAt times a look-up searches, to find a case re-posted with another receivedAt. */
const LOOK_UP_MARGIN_MS = 86_400_000;

export interface PreparedRows {
  encoded: EncodedRows;
  refused: Map<CaseVersion, string>;
  duplicates: number;
  commit(): Promise<void>;
  forget(): void;
}

export interface CaseWriterOptions {
  cacheSize?: number;
  /** where each insert is recorded until confirmed (ingest/insert-journal.ts); none in some tests */
  journal?: InsertJournal;
  /** told when a recorded insert that ClickHouse refuses outright is given up */
  onJournalDropped?: (reason: string, rows: number) => void;
}

export function createCaseWriter(
  clickhouse: ClickHouse,
  { cacheSize = 200_000, journal, onJournalDropped }: CaseWriterOptions = {},
) {
  /** undefined until read from the store, on the first write */
  let markMs: number | undefined;
  const raiseMark = (receivedAtMs: number) => {
    if (markMs !== undefined && receivedAtMs > markMs) markMs = receivedAtMs;
  };
  const known = new LruMap<string, KnownCase>(cacheSize, (_id, forgotten) => raiseMark(forgotten.head.receivedAtMs));

  async function readMark(): Promise<number> {
    if (markMs === undefined) {
      markMs = await runQuery(clickhouse, newestReceived, undefined);
    }
    return markMs;
  }

  async function lookUp(versions: CaseVersion[]): Promise<Map<string, KnownCase>> {
    const found = new Map<string, KnownCase>();
    const missing = new Set<string>();
    const mark = await readMark();
    let fromMs = Infinity;
    let toMs = -Infinity;
    for (const v of versions) {
      const cached = known.get(v.id);
      if (cached) found.set(v.id, { head: cached.head, versions: [...cached.versions] });
      else if (v.receivedAtMs > mark)
        continue; // never stored: nothing to look up
      else if (!missing.has(v.id)) {
        missing.add(v.id);
        fromMs = Math.min(fromMs, v.receivedAtMs);
        toMs = Math.max(toMs, v.receivedAtMs);
      }
    }
    if (missing.size === 0) return found;
    const stored = await runQuery(clickhouse, caseStateByIds, {
      ids: [...missing],
      fromReceivedMs: Math.max(0, fromMs - LOOK_UP_MARGIN_MS),
      toReceivedMs: toMs + LOOK_UP_MARGIN_MS,
    });
    for (const { head, versionAtsMs } of stored) found.set(head.id, { head, versions: [...new Set(versionAtsMs)] });
    return found;
  }

  /**
   * Repeats the recorded insert that was never confirmed (a crash, a failed insert), with its token:
   * ClickHouse writes only the parts that are missing. Throws while ClickHouse cannot be reached. An
   * insert it refuses while answering (bad data: refused whole, before any part) is given up, so that
   * it cannot block every later one.
   */
  async function recover(): Promise<void> {
    const entry = journal?.pending();
    if (!journal || !entry) return;
    try {
      await clickhouse.insertEncoded('case_versions', entry.encoded, { dedupToken: entry.token });
    } catch (error) {
      if (!(await clickhouse.ping())) throw error;
      onJournalDropped?.((error as Error).message, entry.encoded.rows);
    }
    await journal.clear();
  }

  /**
   * The rows that store what is new in `versions`, encoded for the insert, and the versions refused.
   * The writer's cache learns the new heads only on `commit()`, once the rows are durable (inserted,
   * or in the insert log); `forget()` when they could not be kept. Throws when a look-up fails.
   */
  async function prepare(versions: CaseVersion[]): Promise<PreparedRows> {
    const state = await lookUp(versions);
    // each case's versions in time order (the sort is stable, so by time alone: numbers compare far
    // faster than the ids did, and ClickHouse sorts the rows by its own key anyway)
    const ordered = [...versions].sort((a, b) => a.versionAtMs - b.versionAtMs);
    const rows: unknown[][] = [];
    const terms: string[] = [];
    const refused = new Map<CaseVersion, string>();
    let duplicates = 0;
    // a batch of 20,000 versions is tens of milliseconds of row building: give the event loop back
    // between slices (only this writer, on the ingest queue's chain, touches its state meanwhile)
    const slice = timeSlice();
    for (const version of ordered) {
      if (slice.due()) await slice.pause();
      const current = state.get(version.id);
      // every version of a case shares its receivedAt: the rollups count the case in that minute
      if (current && current.head.receivedAtMs !== version.receivedAtMs) {
        refused.set(
          version,
          `receivedAt: differs from this case's stored receivedAt ${new Date(current.head.receivedAtMs).toISOString()}`,
        );
        continue;
      }
      if (current?.versions.includes(version.versionAtMs)) {
        duplicates += 1;
        continue;
      }
      const becomesHead = !current || version.versionAtMs > current.head.versionAtMs;
      rows.push(storedRowValues(version, becomesHead, current?.head));
      terms.push(termsJsonOf(version));
      if (current) {
        current.versions.push(version.versionAtMs);
        if (becomesHead) current.head = headOf(version);
      } else {
        state.set(version.id, { head: headOf(version), versions: [version.versionAtMs] });
      }
    }
    const encoded = await encodeValuesSliced(STORED_COLUMNS, rows, slice, terms);
    return {
      encoded,
      refused,
      duplicates,
      async commit() {
        for (const [id, entry] of state) {
          if (slice.due()) await slice.pause();
          known.set(id, entry);
        }
      },
      // the rows may land even so: from now on these cases are looked up, not assumed new
      forget: () => forget(versions),
    };
  }

  function forget(versions: readonly { id: string; receivedAtMs: number }[]): void {
    for (const version of versions) {
      raiseMark(version.receivedAtMs);
      known.delete(version.id);
    }
  }

  /** Stores what is new in `versions`; throws when ClickHouse fails (the journal then holds the rows). */
  async function write(versions: CaseVersion[]): Promise<WriteResult> {
    await recover();
    const prepared = await prepare(versions);
    const { encoded } = prepared;
    const token = randomUUID();
    try {
      if (encoded.rows > 0) {
        // a journal that cannot be written (a full disk) must not stop the insert: it only loses the repair
        const journaled = journal
          ? await journal.record({ token, encoded }).then(
              () => true,
              () => false,
            )
          : false;
        await clickhouse.insertEncoded('case_versions', encoded, { dedupToken: token });
        if (journaled) await journal?.clear().catch(() => undefined);
      }
    } catch (error) {
      prepared.forget();
      throw error;
    }
    // only now that the insert succeeded does the cache learn the new heads
    await prepared.commit();
    return { stored: encoded.rows, duplicates: prepared.duplicates, refused: prepared.refused };
  }

  /** Whether a version of these would need the store looked up (the cache does not settle it). */
  const needsLookUp = (versions: readonly CaseVersion[]) =>
    markMs === undefined || versions.some((v) => !known.has(v.id) && v.receivedAtMs <= markMs!);

  return { write, recover, prepare, forget, needsLookUp };
}

export type CaseWriter = ReturnType<typeof createCaseWriter>;
