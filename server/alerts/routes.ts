// /api/v1/alerts: list alerts and read one with its log and cases (wall and above); acknowledge or
// dismiss one (operator, director, admin). The actor is the caller's token name and the time the
// server's clock. A change the alert's state does not allow: 409 {"error", "allowed"}.
//
// Escalation to an incident (POST /api/v1/alerts/:id/escalate) waits for the incidents domain: the
// transition exists (shared/alerts.ts, repository.act(id, 'escalate', ...)); the route is to create the
// incident from the alert and answer 201 with it, which is the incidents domain's call to make.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { describeIssues } from '@shared/case-schema';
import {
  alertActionSchema,
  alertListQuerySchema,
  type AlertDetailReply,
  type AlertListReply,
  type PersonAction,
} from '@shared/alerts';
import { mayRead, type Role, type TokenStore } from '../auth/tokens';
import { requireRole } from '../auth/require-role';
import type { Clock } from '../clock';
import { domainBodyErrors, jsonBody } from '../domain/json-body';
import { AlertStoreError, type AlertRepository } from './repository';

const MAX_ACTION_BODY_BYTES = 4 * 1024;

const mayHandleAlerts = (role: Role) => role === 'operator' || role === 'director' || role === 'admin';

export function alertRoutes({
  tokens,
  alerts,
  clock,
}: {
  tokens: TokenStore;
  alerts: AlertRepository;
  clock: Clock;
}): Router {
  const router = Router();
  // an empty body is no note; anything else must be a JSON object
  const body = jsonBody(MAX_ACTION_BODY_BYTES);
  const reader = requireRole(tokens, mayRead, 'read alerts');
  const handler = requireRole(tokens, mayHandleAlerts, 'acknowledge or dismiss alerts');

  // until the log is folded, an answer would be missing alerts or clash with stored versions
  const whenLoaded = (_req: Request, res: Response, next: NextFunction) => {
    if (alerts.loaded) next();
    else res.status(503).set('Retry-After', '2').json({ error: 'alerts are loading; retry shortly' });
  };

  router.get('/api/v1/alerts', reader, whenLoaded, (req, res) => {
    const query = alertListQuerySchema.safeParse(req.query);
    if (!query.success) return void res.status(422).json({ errors: describeIssues(query.error) });
    res.json({ alerts: alerts.list(query.data) } satisfies AlertListReply);
  });

  router.get('/api/v1/alerts/:id', reader, whenLoaded, async (req, res) => {
    const alert = alerts.get(String(req.params.id));
    if (!alert) return void res.status(404).json({ error: `no alert ${String(req.params.id)}` });
    const caseIds = await alerts.caseIds(alert, clock.now());
    res.json({ alert, log: alerts.logOf(alert.id), caseIds } satisfies AlertDetailReply);
  });

  const act = (action: PersonAction) => async (req: Request, res: Response) => {
    const input = alertActionSchema.safeParse(req.body ?? {});
    if (!input.success) return void res.status(422).json({ errors: describeIssues(input.error) });
    const id = String(req.params.id);
    const result = await alerts.act(id, action, req.caller!.name, input.data.note ?? null, clock.now());
    if (result.outcome === 'not-found') return void res.status(404).json({ error: `no alert ${id}` });
    if (result.outcome === 'refused') {
      const error = `alert ${id} is ${result.alert.status}: it cannot be ${action === 'ack' ? 'acknowledged' : `${action}ed`}`;
      return void res.status(409).json({ error, allowed: result.allowed, alert: result.alert });
    }
    res.json(result.alert);
  };
  router.post('/api/v1/alerts/:id/ack', handler, whenLoaded, body, act('ack'));
  router.post('/api/v1/alerts/:id/dismiss', handler, whenLoaded, body, act('dismiss'));

  router.use('/api/v1/alerts', domainBodyErrors(MAX_ACTION_BODY_BYTES, AlertStoreError, 'alert change'));
  return router;
}
