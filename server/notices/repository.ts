// The notices: an append-only log in ClickHouse (notice_events) and the current notices in memory,
// kept by the domain's event-log follower (server/domain/event-log-follower.ts: loaded at start,
// followed on a standby, one write at a time, each stored before it is applied and published).
import crypto from 'node:crypto';
import type { Logger } from 'pino';
import { isNoticeActive, type Notice, type NoticeListQuery, type NoticePatch, type NoticePost } from '@shared/notices';
import type { ClickHouse } from '../clickhouse/client';
import { createEventLogFollower, withEventLog, type EventLogSpec } from '../domain/event-log-follower';
import type { WriteFence } from '../ingest/writer-lease-fence';
import { noticeEvents } from '../queries/notices/notice-events';
import type { NoticeEvent, NoticeEventType, NoticeField } from './events';
import { applyNoticeEvent, fromRow, toInsert, type NoticeEventRow } from './notice-log';

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

/** The notice log as its follower reads, writes and folds it. */
export const noticeLog: EventLogSpec<NoticeEventRow, NoticeEvent, Map<string, Notice>> = {
  domain: 'notices',
  noun: 'notice',
  table: 'notice_events',
  log: noticeEvents,
  fromRow,
  toInsert,
  empty: () => new Map<string, Notice>(),
  apply: applyNoticeEvent,
  describe: (notices) => ({ notices: notices.size }),
  StoreError: NoticeStoreError,
};

export function createNoticeRepository({ clickhouse, logger, fence }: Deps) {
  const log = createEventLogFollower(noticeLog, { clickhouse, logger, fence });
  const { write } = log;
  const append = async (event: NoticeEvent): Promise<Notice> => (await log.append(event)).notice;

  return withEventLog(log, {
    list({ scope, status }: NoticeListQuery, nowMs: number): Notice[] {
      return [...log.state.values()]
        .filter((n) => (scope === undefined || n.scope === scope) && (status === 'all' || isNoticeActive(n, nowMs)))
        .sort((a, b) => b.postedAt.localeCompare(a.postedAt) || a.id.localeCompare(b.id));
    },
    get: (id: string): Notice | undefined => log.state.get(id),
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
        const current = log.state.get(id);
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
  });
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
