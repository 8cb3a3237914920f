// GET /api/v1/cases/:id: one case with its versions and legal deadlines, for the people who handle
// cases (operator, director, admin). Not for a wall screen (its token sits in a kiosk) nor for an
// intake system (it writes cases, it does not read them back): 403.
import { Router } from 'express';
import type { CaseView } from '@shared/case-view';
import { requireRole } from '../auth/require-role';
import type { Role, TokenStore } from '../auth/tokens';
import type { ClickHouse } from '../clickhouse/client';
import { runQuery } from '../clickhouse/define-query';
import type { Clock } from '../clock';
import { caseVersionsByIds } from '../queries/cases/case-versions-by-id';
import { caseView } from './case-view';

const mayReadCases = (role: Role) => role === 'operator' || role === 'director' || role === 'admin';
/** the ingest's id rule (shared/case-schema.ts): anything else cannot be a stored case */
const CASE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function caseRoutes({
  tokens,
  clickhouse,
  clock,
}: {
  tokens: TokenStore;
  clickhouse: ClickHouse;
  clock: Clock;
}): Router {
  const router = Router();
  router.get('/api/v1/cases/:id', requireRole(tokens, mayReadCases, 'read cases'), async (req, res, next) => {
    try {
      const id = String(req.params.id);
      const versions = CASE_ID.test(id)
        ? (await runQuery(clickhouse, caseVersionsByIds, { ids: [id] })).get(id)
        : undefined;
      if (!versions) return void res.status(404).json({ error: `no case ${id.slice(0, 80)}` });
      res.json(caseView(versions, clock.now()) satisfies CaseView);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
