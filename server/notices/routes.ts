// /api/v1/notices: post, revise and list wall notices. Writes by operator, director or admin, reads
// by wall and above; the actor is the caller's token name and the time the server's clock, never the
// body's. Bad input: 422 {"errors": ["field: reason"]}, nothing stored.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { describeIssues } from '@shared/case-schema';
import {
  checkNoticeExpiry,
  noticeListQuerySchema,
  noticePatchSchema,
  noticePostSchema,
  type NoticeListReply,
} from '@shared/notices';
import { mayRead, type Role, type TokenStore } from '../auth/tokens';
import { requireRole } from '../auth/require-role';
import type { Clock } from '../clock';
import { NOT_AN_OBJECT, domainBodyErrors, jsonBody, notAnObject } from '../domain/json-body';
import { NoticeStoreError, type NoticeRepository } from './repository';

const MAX_NOTICE_BODY_BYTES = 16 * 1024;

const mayWriteNotices = (role: Role) => role === 'operator' || role === 'director' || role === 'admin';

export function noticeRoutes({
  tokens,
  notices,
  clock,
}: {
  tokens: TokenStore;
  notices: NoticeRepository;
  clock: Clock;
}): Router {
  const router = Router();
  const body = jsonBody(MAX_NOTICE_BODY_BYTES);
  const writer = requireRole(tokens, mayWriteNotices, 'post or change notices');

  // until the log is folded, an answer would be missing notices or clash with stored versions
  const whenLoaded = (_req: Request, res: Response, next: NextFunction) => {
    if (notices.loaded) next();
    else res.status(503).set('Retry-After', '2').json({ error: 'notices are loading; retry shortly' });
  };

  router.get('/api/v1/notices', requireRole(tokens, mayRead, 'read notices'), whenLoaded, (req, res) => {
    const query = noticeListQuerySchema.safeParse(req.query);
    if (!query.success) return void res.status(422).json({ errors: describeIssues(query.error) });
    res.json({ notices: notices.list(query.data, clock.now()) } satisfies NoticeListReply);
  });

  router.post('/api/v1/notices', writer, whenLoaded, body, async (req, res) => {
    if (notAnObject(req.body)) return void res.status(422).json({ errors: NOT_AN_OBJECT });
    const nowMs = clock.now();
    const input = noticePostSchema.safeParse(req.body);
    const errors = input.success ? checkNoticeExpiry(input.data.expiresAt, nowMs) : describeIssues(input.error);
    if (!input.success || errors.length > 0) return void res.status(422).json({ errors });
    const notice = await notices.post(input.data, req.caller!.name, nowMs);
    res.status(201).location(`/api/v1/notices/${notice.id}`).json(notice);
  });

  router.patch('/api/v1/notices/:id', writer, whenLoaded, body, async (req, res) => {
    if (notAnObject(req.body)) return void res.status(422).json({ errors: NOT_AN_OBJECT });
    const nowMs = clock.now();
    const patch = noticePatchSchema.safeParse(req.body);
    const errors = patch.success ? checkNoticeExpiry(patch.data.expiresAt, nowMs) : describeIssues(patch.error);
    if (!patch.success || errors.length > 0) return void res.status(422).json({ errors });
    const id = String(req.params.id);
    const result = await notices.revise(id, patch.data, req.caller!.name, nowMs);
    if (result.outcome === 'not-found') return void res.status(404).json({ error: `no notice ${id}` });
    if (result.outcome === 'stale') {
      const { version } = result.notice;
      const error = `notice ${id} is at version ${version}, not ${patch.data.expectedVersion}: reload and retry`;
      return void res.status(409).json({ error, notice: result.notice });
    }
    res.json(result.notice);
  });

  router.use('/api/v1/notices', domainBodyErrors(MAX_NOTICE_BODY_BYTES, NoticeStoreError, 'notice'));
  return router;
}
