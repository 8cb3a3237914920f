// The write domains' event-log follower against the embedded engine, driven by the notice log's spec:
// a refused insert changes nothing, a standby re-reads only when the writer's log grew, memory from an
// earlier lease term is re-read before a write, and afterRead hears why each read happened.
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice } from '@shared/notices';
import { createClickHouse, type ClickHouse } from '../../server/clickhouse/client';
import { migrate } from '../../server/clickhouse/migrate';
import { createEventLogFollower, type LogReadReason } from '../../server/domain/event-log-follower';
import type { WriteFence } from '../../server/ingest/writer-lease-fence';
import type { NoticeEvent } from '../../server/notices/events';
import { NoticeStoreError, noticeLog } from '../../server/notices/repository';
import { tempDataDir } from '../helpers/test-server';

let clickhouse: ClickHouse;
beforeAll(async () => {
  clickhouse = createClickHouse({ dataDir: tempDataDir() });
  await migrate(clickhouse);
});
afterAll(async () => {
  await clickhouse.close();
});

/**
 * A follower of notice_events with its own fence, recording its reads and what it published;
 * `table` another table than the log's (one that does not exist: every insert is refused).
 */
function noticeFollower(fence: WriteFence, table = noticeLog.table) {
  const reads: LogReadReason[] = [];
  const spec = { ...noticeLog, table, afterRead: (reason: LogReadReason) => void reads.push(reason) };
  const log = createEventLogFollower(spec, { clickhouse, logger: pino({ level: 'silent' }), fence });
  const published: string[] = [];
  log.changes.subscribe((event) => published.push(`${event.notice.id} v${event.notice.version}`));
  return { log, reads, published };
}

function posted(id: string): NoticeEvent {
  const at = new Date().toISOString();
  const notice: Notice = {
    id,
    scope: '440000',
    text: `notice ${id}`,
    expiresAt: null,
    withdrawn: false,
    version: 1,
    postedAt: at,
    postedBy: 'duty',
    updatedAt: at,
    updatedBy: 'duty',
  };
  return { type: 'posted', at, actor: 'duty', changed: ['scope', 'text', 'expiresAt', 'withdrawn'], notice };
}

const logSize = async () =>
  Number((await clickhouse.query<{ n: string }>('test', 'SELECT count() AS n FROM notice_events'))[0].n);

describe('event-log follower', () => {
  it('stores, applies and publishes a write; a refused insert is a StoreError and changes nothing', async () => {
    let term = 1;
    const fence: WriteFence = { assertWriter: () => undefined, term: () => term };
    const { log, reads, published } = noticeFollower(fence);
    expect(log.loaded).toBe(false);
    await log.load();
    expect(reads).toEqual(['load']);

    await log.write(() => log.append(posted('a')));
    expect(log.state.get('a')?.version).toBe(1);
    expect(published).toEqual(['a v1']);

    const refused = noticeFollower(fence, 'notice_events_not_there');
    await refused.log.load();
    await expect(refused.log.write(() => refused.log.append(posted('b')))).rejects.toBeInstanceOf(NoticeStoreError);
    expect([...refused.log.state.keys()]).toEqual(['a']);
    expect(refused.published).toEqual([]);
    expect(await logSize()).toBe(1);

    // a new lease term: memory is re-read before the next write reads it
    term = 2;
    await log.write(() => log.append(posted('c')));
    expect(reads).toEqual(['load', 'stale']);
    expect([...log.state.keys()].sort()).toEqual(['a', 'c']);
  });

  it("on a standby, re-reads only when the writer's log has grown, and not before it has loaded", async () => {
    const { log, reads } = noticeFollower({ assertWriter: () => undefined, term: () => 0 });
    await log.follow(await logSize());
    expect(reads).toEqual([]);
    await log.load();
    expect(log.state.size).toBe(2);

    const writer = noticeFollower({ assertWriter: () => undefined, term: () => 1 }).log;
    await writer.load();
    await writer.write(() => writer.append(posted('d')));
    await log.follow(await logSize());
    await log.follow(await logSize());
    expect(reads).toEqual(['load', 'follow']);
    expect(log.state.get('d')?.text).toBe('notice d');
  });
});
