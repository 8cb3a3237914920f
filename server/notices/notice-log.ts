// The notice log's rows and the one function that applies an event to the current notices. Start-up
// folds the whole log through applyNoticeEvent, and every write applies its new event through it
// too, so the notices in memory are always what the log reproduces.
import type { Notice } from '@shared/notices';
import { toDateTime64 } from '../clickhouse/datetime';
import { foldEvents } from '../domain/event-log';
import { eventColumns, eventHead, type EventColumns } from '../domain/event-row';
import { applyVersioned } from '../domain/versioned-state';
import { NOTICE_EVENT_TYPES, type NoticeEvent, type NoticeField } from './events';

/** A row of notice_events as inserted (times as ClickHouse DateTime64 text). */
export interface NoticeEventInsert extends EventColumns {
  notice_id: string;
  changed: string[];
  scope: string;
  text: string;
  expires_at: string | null;
  withdrawn: 0 | 1;
  posted_at: string;
  posted_by: string;
}

/** A row as server/queries/notice-events.sql reads it (64-bit numbers may arrive as strings). */
export interface NoticeEventRow {
  notice_id: string;
  version: number;
  event: string;
  at_ms: number;
  actor: string;
  changed: string[];
  scope: string;
  text: string;
  expires_at_ms: number | null;
  withdrawn: number;
  posted_at_ms: number;
  posted_by: string;
}

export function toInsert({ type, at, actor, changed, notice }: NoticeEvent): NoticeEventInsert {
  return {
    notice_id: notice.id,
    ...eventColumns(notice.version, type, at, actor),
    changed,
    scope: notice.scope,
    text: notice.text,
    expires_at: notice.expiresAt === null ? null : toDateTime64(Date.parse(notice.expiresAt)),
    withdrawn: notice.withdrawn ? 1 : 0,
    posted_at: toDateTime64(Date.parse(notice.postedAt)),
    posted_by: notice.postedBy,
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

export function fromRow(row: NoticeEventRow): NoticeEvent {
  const head = eventHead(NOTICE_EVENT_TYPES, row, `notice ${row.notice_id} v${row.version}`);
  return {
    ...head,
    changed: row.changed as NoticeField[],
    notice: {
      id: row.notice_id,
      scope: row.scope,
      text: row.text,
      expiresAt: row.expires_at_ms === null ? null : iso(row.expires_at_ms),
      withdrawn: row.withdrawn === 1,
      version: row.version,
      postedAt: iso(row.posted_at_ms),
      postedBy: row.posted_by,
      updatedAt: head.at,
      updatedBy: row.actor,
    },
  };
}

/** Applies one event to the notices by id (server/domain/versioned-state.ts: what a gap or a repeat does). */
export function applyNoticeEvent(notices: Map<string, Notice>, event: NoticeEvent): string | undefined {
  return applyVersioned(notices, event.notice, { type: event.type, isFirst: event.type === 'posted' }, 'notice');
}

/** The current notices from the whole log, and what in it did not add up. */
export function foldNoticeLog(events: Iterable<NoticeEvent>): { notices: Map<string, Notice>; anomalies: string[] } {
  const { state, anomalies } = foldEvents(events, new Map<string, Notice>(), applyNoticeEvent);
  return { notices: state, anomalies };
}
