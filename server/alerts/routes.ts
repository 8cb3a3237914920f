// /api/v1/alerts: list alerts and read one with its log and cases (wall and above); acknowledge or
// dismiss or escalate one (operator, director, admin). The actor is the caller's token name and the time the
// server's clock. A change the alert's state does not allow: 409 {"error", "allowed"}.
//
// Escalation (POST /api/v1/alerts/:id/escalate) reports an incident from the alert through the
// incidents domain and answers 201 with it.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { describeIssues } from '@shared/case-schema';
import {
  ALERT_TRANSITIONS,
  alertActionSchema,
  alertEscalateSchema,
  alertListQuerySchema,
  type AlertDetailReply,
  type AlertListReply,
  type PersonAction,
} from '@shared/alerts';
import { mayRead, type Role, type TokenStore } from '../auth/tokens';
import { requireRole } from '../auth/require-role';
import type { Clock } from '../clock';
import { domainBodyErrors, jsonBody } from '../domain/json-body';
import { IncidentInputError, IncidentStoreError, type IncidentRepository } from '../incidents/repository';
import { AlertStoreError, type AlertAct, type AlertRepository } from './repository';

const MAX_ACTION_BODY_BYTES = 4 * 1024;

const mayHandleAlerts = (role: Role) => role === 'operator' || role === 'director' || role === 'admin';

export function alertRoutes({
  tokens,
  alerts,
  incidents,
  clock,
}: {
  tokens: TokenStore;
  alerts: AlertRepository;
  /** the incidents domain: escalation reports an incident from the alert */
  incidents: Pick<IncidentRepository, 'createFromAlert'>;
  clock: Clock;
}): Router {
  const router = Router();
  // an empty body is no note; anything else must be a JSON object
  const body = jsonBody(MAX_ACTION_BODY_BYTES);
  const reader = requireRole(tokens, mayRead, 'read alerts');
  const handler = requireRole(tokens, mayHandleAlerts, 'acknowledge, dismiss or escalate alerts');

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

  /** 404, or 409 with what a person may still do; true when the change was made and answered elsewhere */
  const refused = (res: Response, id: string, action: PersonAction, result: AlertAct): boolean => {
    if (result.outcome === 'not-found') return (void res.status(404).json({ error: `no alert ${id}` }), true);
    if (result.outcome !== 'refused') return false;
    const error = `alert ${id} is ${result.alert.status}: it cannot be ${ALERT_TRANSITIONS[action].to}`;
    res.status(409).json({ error, allowed: result.allowed, alert: result.alert });
    return true;
  };

  const act = (action: 'ack' | 'dismiss') => async (req: Request, res: Response) => {
    const input = alertActionSchema.safeParse(req.body ?? {});
    if (!input.success) return void res.status(422).json({ errors: describeIssues(input.error) });
    const id = String(req.params.id);
    const result = await alerts.act(id, action, req.caller!.name, input.data.note ?? null, clock.now());
    if (!refused(res, id, action, result) && result.outcome === 'changed') res.json(result.alert);
  };
  router.post('/api/v1/alerts/:id/ack', handler, whenLoaded, body, act('ack'));
  router.post('/api/v1/alerts/:id/dismiss', handler, whenLoaded, body, act('dismiss'));

  // escalation reports an incident from the alert (its regions, category, title and up to 500 cases)
  // and marks the alert escalated, in that order and in the alerts' queue: no incident, no change
  router.post('/api/v1/alerts/:id/escalate', handler, whenLoaded, body, async (req, res) => {
    const input = alertEscalateSchema.safeParse(req.body ?? {});
    if (!input.success) return void res.status(422).json({ errors: describeIssues(input.error) });
    const id = String(req.params.id);
    const actor = req.caller!.name;
    const nowMs = clock.now();
    try {
      const result = await alerts.act(id, 'escalate', actor, input.data.note ?? null, nowMs, async (alert) => {
        const caseIds = await alerts.caseIds(alert, nowMs);
        const { id: alertId, title, regionCodes, category } = alert;
        const from = { id: alertId, title, regionCodes, ...(category && { category }), caseIds };
        return incidents.createFromAlert({ alert: from, actor, severity: input.data.severity });
      });
      if (refused(res, id, 'escalate', result) || !result.made) return;
      res.status(201).location(`/api/v1/incidents/${result.made.id}`).json(result.made);
    } catch (error) {
      if (error instanceof IncidentInputError) return void res.status(422).json({ errors: error.errors });
      if (error instanceof IncidentStoreError)
        return void res
          .status(503)
          .json({ error: `the incident could not be stored: ${error.message}; nothing was changed` });
      throw error;
    }
  });

  router.use('/api/v1/alerts', domainBodyErrors(MAX_ACTION_BODY_BYTES, AlertStoreError, 'alert change'));
  return router;
}
