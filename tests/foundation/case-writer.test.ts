// The writer's look-ups against the embedded engine: a brand-new case is stored without one, and
// every case that may already be stored is still looked up, so a version posted twice counts once
// across restarts, cache evictions and inserts that failed after landing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseInputSchema } from '@shared/case-schema';
import { createClickHouse, type ClickHouse } from '../../server/clickhouse/client';
import { migrate } from '../../server/clickhouse/migrate';
import { toCaseVersion, type CaseVersion } from '../../server/ingest/case-row';
import { createCaseWriter } from '../../server/ingest/case-writer';
import { makeCase, tempDataDir } from '../helpers/test-server';

let clickhouse: ClickHouse;
const lookUps: string[] = [];
let failNextInsertAfterLanding = false;
/** the store, counting the writer's look-ups, and able to fail an insert after it landed (a lost reply) */
let store: ClickHouse;

beforeAll(async () => {
  clickhouse = createClickHouse({ dataDir: tempDataDir() });
  await migrate(clickhouse);
  store = {
    ...clickhouse,
    mode: clickhouse.mode,
    query: (name, sql, params) => {
      if (name === 'case-state-by-ids') lookUps.push(...((params?.ids as string[]) ?? []));
      return clickhouse.query(name, sql, params);
    },
    insertEncoded: async (table, encoded, options) => {
      await clickhouse.insertEncoded(table, encoded, options);
      if (failNextInsertAfterLanding) {
        failNextInsertAfterLanding = false;
        throw new Error('socket hang up');
      }
    },
  };
});
afterAll(async () => {
  await clickhouse.close();
});

const base = Date.now() - 3_600_000;
function version(id: string, receivedMinute: number, updatedMinute = receivedMinute, status = 'received'): CaseVersion {
  const iso = (minute: number) => new Date(base + minute * 60_000).toISOString();
  return toCaseVersion(
    caseInputSchema.parse(
      makeCase(id, { receivedAt: iso(receivedMinute), updatedAt: iso(updatedMinute), status: status as 'received' }),
    ),
  );
}

async function stored(id: string): Promise<number> {
  const [row] = await clickhouse.query<{ n: string }>(
    'test',
    'SELECT count() AS n FROM case_versions WHERE id = {id:String}',
    { id },
  );
  return Number(row.n);
}

describe('case writer look-ups', () => {
  it('stores a case received after everything in the store without looking it up', async () => {
    const writer = createCaseWriter(store);
    lookUps.length = 0;
    expect(await writer.write([version('NEW-1', 10), version('NEW-2', 11)])).toEqual({
      stored: 2,
      duplicates: 0,
      refused: new Map(),
    });
    expect(lookUps).toEqual([]);
    // a later version of a case the writer holds: no look-up either, and no second count
    expect(await writer.write([version('NEW-1', 10, 12, 'accepted'), version('NEW-1', 10)])).toEqual({
      stored: 1,
      duplicates: 1,
      refused: new Map(),
    });
    expect(lookUps).toEqual([]);
  });

  it('after a restart, looks up what the store may hold and counts a repeated version once', async () => {
    const restarted = createCaseWriter(store);
    lookUps.length = 0;
    expect(await restarted.write([version('NEW-2', 11)])).toEqual({ stored: 0, duplicates: 1, refused: new Map() });
    expect(lookUps).toEqual(['NEW-2']);
    expect(await stored('NEW-2')).toBe(1);
  });

  it('looks up a case its cache has forgotten, even one received after everything else', async () => {
    const writer = createCaseWriter(store, { cacheSize: 2 });
    await writer.write([version('EVICT-1', 40)]); // the newest case in the store
    await writer.write([version('EVICT-2', 20), version('EVICT-3', 21)]); // EVICT-1 is forgotten
    lookUps.length = 0;
    expect(await writer.write([version('EVICT-1', 40)])).toEqual({ stored: 0, duplicates: 1, refused: new Map() });
    expect(lookUps).toEqual(['EVICT-1']);
    expect(await stored('EVICT-1')).toBe(1);
  });

  it('looks up the cases of an insert that failed, since it may have landed', async () => {
    const writer = createCaseWriter(store);
    failNextInsertAfterLanding = true;
    await expect(writer.write([version('LOST-1', 50)])).rejects.toThrow('socket hang up');
    lookUps.length = 0;
    expect(await writer.write([version('LOST-1', 50)])).toEqual({ stored: 0, duplicates: 1, refused: new Map() });
    expect(lookUps).toEqual(['LOST-1']);
    expect(await stored('LOST-1')).toBe(1);
  });
});

describe('a later version with another receivedAt', () => {
  it('is refused with a receivedAt error, from the cache and from the store, while the others land', async () => {
    const writer = createCaseWriter(store);
    await writer.write([version('RECV-1', 60), version('RECV-2', 61)]);
    // the writer holds RECV-1: refused from its cache; RECV-3 beside it lands
    const moved = version('RECV-1', 62, 63, 'resolved');
    const neighbour = version('RECV-3', 62);
    const result = await writer.write([moved, neighbour]);
    expect(result.stored).toBe(1);
    expect([...result.refused.entries()]).toEqual([
      [moved, expect.stringMatching(/^receivedAt: differs from this case's stored receivedAt/)],
    ]);
    expect(await stored('RECV-3')).toBe(1);
    // after a restart (empty cache) the look-up finds the stored head: refused again, nothing stored
    const restarted = createCaseWriter(store);
    const again = await restarted.write([version('RECV-2', 59, 64, 'resolved')]);
    expect(again.stored).toBe(0);
    expect(again.refused.size).toBe(1);
    expect(await stored('RECV-1')).toBe(1);
    expect(await stored('RECV-2')).toBe(1);
  });
});
