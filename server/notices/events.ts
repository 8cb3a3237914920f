// The events of the notice log, which are also the changes the stream hears of: each carries the
// notice's whole state after it, so a subscriber (a wall panel, later) needs no look-up.
import type { Notice } from '@shared/notices';
import type { ChangeFeed } from '../domain/change-feed';

export const NOTICE_EVENT_TYPES = ['posted', 'revised', 'withdrawn', 'restored'] as const;
export type NoticeEventType = (typeof NOTICE_EVENT_TYPES)[number];

export type NoticeField = 'scope' | 'text' | 'expiresAt' | 'withdrawn';

export interface NoticeEvent {
  type: NoticeEventType;
  /** UTC ISO 8601, from the server's clock; equals notice.updatedAt */
  at: string;
  /** the token name of whoever made the change */
  actor: string;
  /** the fields this event changed (all of them for `posted`) */
  changed: NoticeField[];
  notice: Notice;
}

export type NoticeChanges = ChangeFeed<NoticeEvent>;
