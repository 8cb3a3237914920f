// /api/v1/incidents: report, change and list emergency incidents. Writes by operator, director or
// admin, reads by wall and above; the actor is the caller's token name and the time the server's
// clock, never the body's. Bad input: 422 {"errors": ["field: reason"]}, nothing stored.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { describeIssues } from '@shared/case-schema';
import {
  incidentListQuerySchema,
  incidentPatchSchema,
  incidentPostSchema,
  type IncidentListReply,
} from '@shared/incidents';
import { mayRead, type Role, type TokenStore } from '../auth/tokens';
import { requireRole } from '../auth/require-role';
import { NOT_AN_OBJECT, domainBodyErrors, jsonBody, notAnObject } from '../domain/json-body';
import { IncidentStoreError, type IncidentRepository } from './repository';

const MAX_INCIDENT_BODY_BYTES = 256 * 1024;

export const mayWriteIncidents = (role: Role) => role === 'operator' || role === 'director' || role === 'admin';

export function incidentRoutes({ tokens, incidents }: { tokens: TokenStore; incidents: IncidentRepository }): Router {
  const router = Router();
  const body = jsonBody(MAX_INCIDENT_BODY_BYTES);
  const writer = requireRole(tokens, mayWriteIncidents, 'report or change incidents');
  const reader = requireRole(tokens, mayRead, 'read incidents');

  // until the log is folded, an answer would be missing incidents or clash with stored versions
  const whenLoaded = (_req: Request, res: Response, next: NextFunction) => {
    if (incidents.loaded) next();
    else res.status(503).set('Retry-After', '2').json({ error: 'incidents are loading; retry shortly' });
  };

  router.get('/api/v1/incidents', reader, whenLoaded, (req, res) => {
    const query = incidentListQuerySchema.safeParse(req.query);
    if (!query.success) return void res.status(422).json({ errors: describeIssues(query.error) });
    res.json({ incidents: incidents.list(query.data) } satisfies IncidentListReply);
  });

  router.get('/api/v1/incidents/:id', reader, whenLoaded, (req, res) => {
    const incident = incidents.get(String(req.params.id));
    if (!incident) return void res.status(404).json({ error: `no incident ${req.params.id}` });
    res.json(incident);
  });

  router.post('/api/v1/incidents', writer, whenLoaded, body, async (req, res) => {
    if (notAnObject(req.body)) return void res.status(422).json({ errors: NOT_AN_OBJECT });
    const input = incidentPostSchema.safeParse(req.body);
    if (!input.success) return void res.status(422).json({ errors: describeIssues(input.error) });
    const incident = await incidents.report(input.data, req.caller!.name);
    res.status(201).location(`/api/v1/incidents/${incident.id}`).json(incident);
  });

  router.patch('/api/v1/incidents/:id', writer, whenLoaded, body, async (req, res) => {
    if (notAnObject(req.body)) return void res.status(422).json({ errors: NOT_AN_OBJECT });
    const patch = incidentPatchSchema.safeParse(req.body);
    if (!patch.success) return void res.status(422).json({ errors: describeIssues(patch.error) });
    const id = String(req.params.id);
    const result = await incidents.revise(id, patch.data, req.caller!.name);
    switch (result.outcome) {
      case 'not-found':
        return void res.status(404).json({ error: `no incident ${id}` });
      case 'invalid':
        return void res.status(422).json({ errors: result.errors });
      case 'stale': {
        const error = `incident ${id} is at version ${result.incident.version}, not ${patch.data.expectedVersion}: reload and retry`;
        return void res.status(409).json({ error, incident: result.incident });
      }
      case 'refused-transition':
        return void res.status(409).json({ error: result.error, allowed: result.allowed, incident: result.incident });
      default:
        res.json(result.incident);
    }
  });

  router.use('/api/v1/incidents', domainBodyErrors(MAX_INCIDENT_BODY_BYTES, IncidentStoreError, 'incident'));
  return router;
}
