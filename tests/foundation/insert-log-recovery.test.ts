// The insert log's promise against the real engine: a segment inserted again after a crash (the
// insert returned, the process died before the segment left the log) is not counted twice, in
// case_versions or in any rollup; and a segment a stopped process left is inserted when the log
// reopens.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseInputSchema } from '@shared/case-schema';
import { createClickHouse, type ClickHouse } from '../../server/clickhouse/client';
import { migrate } from '../../server/clickhouse/migrate';
import { toCaseVersion } from '../../server/ingest/case-row';
import { createCaseWriter } from '../../server/ingest/case-writer';
import { openInsertLog } from '../../server/ingest/insert-log';
import { createLogInserter } from '../../server/ingest/log-inserter';
import { createLogger } from '../../server/ops/logger';
import { makeCase, tempDataDir } from '../helpers/test-server';

let clickhouse: ClickHouse;
const dataDir = tempDataDir();
const logDir = path.join(dataDir, 'spool', 'inserts');
const options = { maxSegmentRows: 1000, maxMemoryRows: 1000 };

beforeAll(async () => {
  clickhouse = createClickHouse({ dataDir });
  await migrate(clickhouse);
});
afterAll(async () => {
  await clickhouse.close();
});

const base = Date.now() - 3_600_000;
const versions = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const iso = new Date(base + i * 1000).toISOString();
    return toCaseVersion(caseInputSchema.parse(makeCase(`${prefix}-${i}`, { receivedAt: iso, updatedAt: iso })));
  });

async function count(sql: string, prefix: string): Promise<number> {
  const [row] = await clickhouse.query<{ n: number }>('test', sql, { prefix });
  return Number(row?.n ?? 0);
}
const counts = async (prefix: string) => ({
  versions: await count('SELECT count() AS n FROM case_versions WHERE startsWith(id, {prefix:String})', prefix),
  heads: await count('SELECT count() AS n FROM case_heads FINAL WHERE startsWith(id, {prefix:String})', prefix),
  // this file's cases are the only ones in the store
  intake: await count("SELECT sum(cases) AS n FROM intake_minute WHERE {prefix:String} != ''", prefix),
});

const inserterFor = (log: ReturnType<typeof openInsertLog>) =>
  createLogInserter({
    log,
    insert: (encoded, token) => clickhouse.insertEncoded('case_versions', encoded, { dedupToken: token }),
    isReachable: () => clickhouse.ping(),
    setAside: async () => {
      throw new Error('nothing should be refused');
    },
    logger: createLogger('silent'),
  });

describe('insert log against ClickHouse', () => {
  it('a segment inserted again after a crash is not counted twice; one left by a stopped process goes in at reopen', async () => {
    const writer = createCaseWriter(clickhouse);
    const log = openInsertLog(logDir, options);
    const prepared = await writer.prepare(versions('IL', 50));
    const segment = (await log.append(prepared.encoded))!;
    const file = path.join(logDir, segment.name);
    const kept = fs.readFileSync(file);
    expect(await inserterFor(log).drain()).toBe(true);
    expect(fs.existsSync(file)).toBe(false);
    expect(await counts('IL')).toEqual({ versions: 50, heads: 50, intake: 50 });

    // the process died after the insert returned and before the file was removed
    fs.writeFileSync(file, kept);
    // and it had logged another batch, never inserted
    const more = await createCaseWriter(clickhouse).prepare(versions('IL2', 20));
    const other = openInsertLog(logDir, options);
    await other.append(more.encoded);

    const reopened = openInsertLog(logDir, options);
    expect(reopened.pendingRows()).toBe(70);
    expect(await inserterFor(reopened).drain()).toBe(true);
    expect(reopened.pendingRows()).toBe(0);
    expect(fs.readdirSync(logDir)).toEqual([]);
    expect(await counts('IL')).toEqual({ versions: 70, heads: 70, intake: 70 });
    expect(await counts('IL2')).toEqual({ versions: 20, heads: 20, intake: 70 });
  });
});
