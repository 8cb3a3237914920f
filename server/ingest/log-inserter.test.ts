import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodeValues, type EncodedRows } from '../clickhouse/encoded-rows';
import { createLogger } from '../ops/logger';
import { openInsertLog } from './insert-log';
import { createLogInserter, type RefusedRow } from './log-inserter';

const columns = ['id'];
const rows = (ids: string[]) =>
  encodeValues(
    columns,
    ids.map((id) => [id]),
  );
const idsOf = (encoded: EncodedRows) =>
  encoded.body
    .toString('utf8')
    .trimEnd()
    .split('\n')
    .map((line) => (JSON.parse(line) as string[])[0]);

/** A ClickHouse stand-in that stores ids, refuses those starting with `bad`, and can be unreachable. */
function fakeStore() {
  const stored: string[] = [];
  const tokens: string[] = [];
  const store = {
    stored,
    tokens,
    reachable: true,
    async insert(encoded: EncodedRows, token: string) {
      if (!store.reachable) throw new Error('connect ECONNREFUSED');
      tokens.push(token);
      const ids = idsOf(encoded);
      if (ids.some((id) => id.startsWith('bad'))) throw new Error('Cannot parse input');
      stored.push(...ids);
    },
  };
  return store;
}

function setUp(maxSegmentRows = 100) {
  const log = openInsertLog(fs.mkdtempSync(path.join(os.tmpdir(), 'log-inserter-')), {
    maxSegmentRows,
    maxMemoryRows: 1000,
  });
  const store = fakeStore();
  const setAside: RefusedRow[] = [];
  const inserter = createLogInserter({
    log,
    insert: (encoded, token) => store.insert(encoded, token),
    isReachable: async () => store.reachable,
    setAside: async (refused) => void setAside.push(...refused),
    logger: createLogger('silent'),
  });
  return { log, store, setAside, inserter };
}

describe('the insert log inserter', () => {
  it('inserts segments oldest first, whole, under the segment name as token, and empties the log', async () => {
    const { log, store, inserter } = setUp(3);
    const first = await log.append(rows(['a1', 'a2', 'a3']));
    const second = await log.append(rows(['b1']));
    expect(await inserter.drain()).toBe(true);
    expect(store.stored).toEqual(['a1', 'a2', 'a3', 'b1']);
    expect(store.tokens).toEqual([first!.name, second!.name]);
    expect(log.pendingRows()).toBe(0);
  });

  it('isolates a refused row by halving: every other row is stored, the refused one set aside with its reason', async () => {
    const { log, store, setAside, inserter } = setUp();
    const ids = Array.from({ length: 9 }, (_, i) => `ok${i}`);
    ids.splice(4, 0, 'bad-1');
    const segment = await log.append(rows(ids));
    const told: Array<RefusedRow[] | undefined> = [];
    inserter.watch(segment!, (refused) => {
      told.push(refused);
      return refused ?? [];
    });
    expect(await inserter.drain()).toBe(true);
    expect(store.stored.sort()).toEqual(ids.filter((id) => id !== 'bad-1').sort());
    expect(told[0]!.map((row) => row.line)).toEqual(['["bad-1"]']);
    expect(setAside.map((row) => row.line)).toEqual(['["bad-1"]']);
    expect(setAside[0].reason).toMatch(/ClickHouse refused it: Cannot parse input/);
    // each half under its own token, derived from the segment's
    expect(store.tokens.every((token) => token.startsWith(segment!.name))).toBe(true);
    expect(new Set(store.tokens).size).toBe(store.tokens.length);
  });

  it('a watcher that answers for the refused rows keeps them from being set aside', async () => {
    const { log, setAside, inserter } = setUp();
    const segment = await log.append(rows(['ok', 'bad']));
    inserter.watch(segment!, () => []);
    await inserter.drain();
    expect(setAside).toEqual([]);
  });

  it('keeps every segment while ClickHouse is unreachable, tells the watchers, and inserts them once it is back', async () => {
    const { log, store, setAside, inserter } = setUp(2);
    store.reachable = false;
    const segment = await log.append(rows(['a1', 'a2']));
    await log.append(rows(['b1']));
    const told: Array<RefusedRow[] | undefined> = [];
    inserter.watch(segment!, (refused) => {
      told.push(refused);
      return [];
    });
    expect(await inserter.drain()).toBe(false);
    expect(told).toEqual([undefined]);
    expect(inserter.failing()).toBe(true);
    expect(log.pendingRows()).toBe(3);
    // while failing, requests are not held back: the log grows on disk as the spool would
    await inserter.waitForRoom(0);
    store.reachable = true;
    expect(await inserter.drain()).toBe(true);
    expect(store.stored).toEqual(['a1', 'a2', 'b1']);
    expect(setAside).toEqual([]);
    expect(inserter.failing()).toBe(false);
  });

  it('waitForRoom holds a caller until the log is back under the limit', async () => {
    const { log, inserter } = setUp(2);
    for (let i = 0; i < 5; i += 1) await log.append(rows([`a${i}-1`, `a${i}-2`]));
    await inserter.waitForRoom(4);
    expect(log.pendingRows()).toBeLessThanOrEqual(4);
  });
});
