// The notices: an append-only log in ClickHouse (notice_events) and the current notices in memory,
// folded from the log at start. A write appends its event first and applies it only once stored, so
// memory never holds what a restart would not reproduce; then the change is published to the stream.
import crypto from 'node:crypto';
import type { Logger } from 'pino';
import { isNoticeActive, type Notice, type NoticeListQuery, type NoticePatch, type NoticePost } from '@shared/notices';
import type { ClickHouse } from '../clickhouse/client';
import { createChangeFeed } from '../domain/change-feed';
import { readEventLog, reportAnomalies } from '../domain/event-log';
import { createSerialQueue } from '../domain/serial';
import { fencedMemory, type WriteFence } from '../ingest/writer-lease-fence';
import { noticeEvents } from '../queries/notices/notice-events';
import type { NoticeChanges, NoticeEvent, NoticeEventType, NoticeField } from './events';
import { applyNoticeEvent, foldNoticeLog, fromRow, toInsert } from './notice-log';

/** The store refused the event or could not be reached: nothing changed, the caller may retry. */
export class NoticeStoreError extends Error {}

export type NoticeRevision =
  | { outcome: 'changed' | 'unchanged'; notice: Notice }
  | { outcome: 'stale'; notice: Notice }
  | { outcome: 'not-found' };

interface Deps {
  clickhouse: ClickHouse;
  logger: Logger;
  /** only the writer-lease holder appends (server/ingest/writer-lease-fence.ts) */
  fence: WriteFence;
}

export function createNoticeRepository({ clickhouse, logger, fence }: Deps) {
  let notices = new Map<string, Notice>();
  let loaded = false;
  const serial = createSerialQueue();
  const memory = fencedMemory(fence, 'notice');
  const changes: NoticeChanges = createChangeFeed<NoticeEvent>('notices', logger);

  /** Stores the event, then applies and publishes it; a failed insert changes nothing. */
  async function append(event: NoticeEvent): Promise<Notice> {
    memory.assertCurrent();
    try {
      await clickhouse.insert('notice_events', [toInsert(event)]);
    } catch (error) {
      throw new NoticeStoreError((error as Error).message, { cause: error });
    }
    const anomaly = applyNoticeEvent(notices, event);
    if (anomaly) logger.error({ anomaly }, 'notice write out of order');
    changes.publish(event);
    return event.notice;
  }

  /** the log's size when a standby last re-read it (-1: not yet) */
  let followedSize = -1;

  async function readLog(): Promise<void> {
    memory.reading();
    const events = await readEventLog(clickhouse, noticeEvents, fromRow, logger);
    const folded = foldNoticeLog(events);
    reportAnomalies('notices', folded.anomalies, logger);
    notices = folded.notices;
    loaded = true;
    logger.info({ notices: notices.size, events: events.length }, 'notices loaded from their log');
  }

  /** A write, in the queue: refused unless this server holds the lease; memory from an earlier term re-read first. */
  const write = <T>(work: () => Promise<T>): Promise<T> =>
    serial(async () => {
      if (memory.stale()) await readLog();
      return work();
    });

  return {
    changes,
    get loaded() {
      return loaded;
    },
    /** Folds the whole log into memory (at start, after the migrations). */
    load: () => serial(readLog),
    /** On a standby: re-reads the log when it holds `size` events and was last read at another size. */
    follow: (size: number): Promise<void> =>
      serial(async () => {
        if (!loaded || size === followedSize) return;
        await readLog();
        followedSize = size;
      }),
    list({ scope, status }: NoticeListQuery, nowMs: number): Notice[] {
      return [...notices.values()]
        .filter((n) => (scope === undefined || n.scope === scope) && (status === 'all' || isNoticeActive(n, nowMs)))
        .sort((a, b) => b.postedAt.localeCompare(a.postedAt) || a.id.localeCompare(b.id));
    },
    get: (id: string): Notice | undefined => notices.get(id),
    post: (input: NoticePost, actor: string, nowMs: number): Promise<Notice> =>
      write(() => {
        const at = new Date(nowMs).toISOString();
        const notice: Notice = {
          id: crypto.randomUUID(),
          scope: input.scope,
          text: input.text,
          expiresAt: utcIso(input.expiresAt ?? null),
          withdrawn: false,
          version: 1,
          postedAt: at,
          postedBy: actor,
          updatedAt: at,
          updatedBy: actor,
        };
        return append({ type: 'posted', at, actor, changed: ['scope', 'text', 'expiresAt', 'withdrawn'], notice });
      }),
    revise: (id: string, patch: NoticePatch, actor: string, nowMs: number): Promise<NoticeRevision> =>
      write(async () => {
        const current = notices.get(id);
        if (!current) return { outcome: 'not-found' };
        if (patch.expectedVersion !== undefined && patch.expectedVersion !== current.version)
          return { outcome: 'stale', notice: current };
        const next: Notice = {
          ...current,
          text: patch.text ?? current.text,
          expiresAt: patch.expiresAt === undefined ? current.expiresAt : utcIso(patch.expiresAt),
          withdrawn: patch.withdrawn ?? current.withdrawn,
        };
        const changed = (['text', 'expiresAt', 'withdrawn'] as const).filter((field) => next[field] !== current[field]);
        // a repeated save (a double click, a retry) is not a new version
        if (changed.length === 0) return { outcome: 'unchanged', notice: current };
        const at = new Date(nowMs).toISOString();
        const notice = { ...next, version: current.version + 1, updatedAt: at, updatedBy: actor };
        const type = eventType(changed, next.withdrawn);
        return { outcome: 'changed', notice: await append({ type, at, actor, changed, notice }) };
      }),
  };
}

/** Times are stored and returned in UTC whatever offset they were posted with. */
function utcIso(time: string | null): string | null {
  return time === null ? null : new Date(time).toISOString();
}

function eventType(changed: NoticeField[], withdrawn: boolean): NoticeEventType {
  if (!changed.includes('withdrawn')) return 'revised';
  return withdrawn ? 'withdrawn' : 'restored';
}

export type NoticeRepository = ReturnType<typeof createNoticeRepository>;
