// Wall notices (值班通知): a short text an operator or director posts for the walls of a scope, edited
// or withdrawn later. The contract of /api/v1/notices (docs/api.md) and of the change events.
import { z } from 'zod';
import { isValidScope } from './regions';

export const NOTICE_TEXT_MAX_CHARS = 200;

/** C0/C1 controls (line breaks included: a notice is one line on the wall) and bidi overrides. */
const CONTROL_CHARS = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

// Not scrubbed of personal data as case summaries are: staff write notices to be shown as written (a
// duty phone number is the point of some). They pass the same checks: length, no control characters.
const noticeText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  // characters as a reader counts them: code points, so one emoji or rare hanzi is one
  .refine((text) => [...text].length <= NOTICE_TEXT_MAX_CHARS, `must be at most ${NOTICE_TEXT_MAX_CHARS} characters`)
  .refine((text) => !CONTROL_CHARS.test(text), 'must not contain control characters or line breaks');

const isoWithOffset = z.iso.datetime({
  offset: true,
  message: 'must be ISO 8601 with an offset, e.g. 2026-03-15T18:00:00+08:00',
});

const scope = z.string().refine(isValidScope, 'must be "national" or a shipped adcode');

export const noticePostSchema = z.strictObject({
  scope,
  text: noticeText,
  expiresAt: isoWithOffset.optional(),
});

export const noticePatchSchema = z
  .strictObject({
    text: noticeText.optional(),
    /** null: the notice no longer expires */
    expiresAt: isoWithOffset.nullable().optional(),
    withdrawn: z.boolean().optional(),
    /** the version the editor saw; a newer one stored means someone else changed it (409) */
    expectedVersion: z.number().int().min(1).optional(),
  })
  .refine((p) => p.text !== undefined || p.expiresAt !== undefined || p.withdrawn !== undefined, {
    message: 'must change text, expiresAt or withdrawn',
    path: ['(notice)'],
  });

export const noticeListQuerySchema = z.strictObject({
  /** absent: every scope */
  scope: scope.optional(),
  /** active: not withdrawn and not expired (what a wall shows); all: the whole history's last states */
  status: z.enum(['active', 'all']).default('active'),
});

export type NoticePost = z.infer<typeof noticePostSchema>;
export type NoticePatch = z.infer<typeof noticePatchSchema>;
export type NoticeListQuery = z.infer<typeof noticeListQuerySchema>;

/** A notice as the API returns it and the change events carry it; times in UTC ISO 8601. */
export interface Notice {
  id: string;
  scope: string;
  text: string;
  expiresAt: string | null;
  withdrawn: boolean;
  /** 1 when posted, +1 with each change */
  version: number;
  postedAt: string;
  postedBy: string;
  updatedAt: string;
  updatedBy: string;
}

export function isNoticeActive(notice: Notice, nowMs: number): boolean {
  return !notice.withdrawn && (notice.expiresAt === null || Date.parse(notice.expiresAt) > nowMs);
}

/** The check that depends on the time of posting: an expiry already past would post a dead notice. */
export function checkNoticeExpiry(expiresAt: string | null | undefined, nowMs: number): string[] {
  return expiresAt && Date.parse(expiresAt) <= nowMs ? ['expiresAt: must be in the future'] : [];
}

export interface NoticeListReply {
  notices: Notice[];
}
