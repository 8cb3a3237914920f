// POST /api/v1/alerts/backtest (admin): the detectors over a stored span as if live at each hour;
// nothing is stored. Its reads go through the ad-hoc lane, behind the walls' ticks and the ingest.
import express, { Router } from 'express';
import { backtestRequestSchema, type BacktestReply } from '@shared/alert-backtest';
import { describeIssues } from '@shared/case-schema';
import type { TokenStore } from '../auth/tokens';
import { requireRole } from '../auth/require-role';
import type { ClickHouse } from '../clickhouse/client';
import { AdhocReadRefused } from '../clickhouse/read-lanes';
import { runBacktest } from './detectors/backtest';
import { alertBudgetPerDay } from './detectors/budget';

export interface BacktestDeps {
  tokens: TokenStore;
  clickhouse: ClickHouse;
  /** the longest one step's read may wait and run */
  stepTimeLimitMs: number;
}

export function backtestRoutes(deps: BacktestDeps): Router {
  const router = Router();
  const admin = requireRole(deps.tokens, (role) => role === 'admin', 'run an alert backtest');
  router.post('/api/v1/alerts/backtest', admin, express.json({ limit: 4096 }), async (req, res, next) => {
    const parsed = backtestRequestSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid backtest request', details: describeIssues(parsed.error) });
      return;
    }
    const abort = new AbortController();
    res.on('close', () => abort.abort());
    try {
      const alerts = await runBacktest(deps.clickhouse, {
        fromMs: Date.parse(parsed.data.from),
        toMs: Date.parse(parsed.data.to),
        scope: parsed.data.scope,
        budgetPerDay: alertBudgetPerDay(),
        signal: abort.signal,
        queryOptions: () => ({ lane: 'adhoc', deadlineMs: Date.now() + deps.stepTimeLimitMs }),
      });
      res.json({ alerts } satisfies BacktestReply);
    } catch (error) {
      if (abort.signal.aborted) return;
      if (error instanceof AdhocReadRefused) {
        res
          .status(503)
          .set('Retry-After', '5')
          .json({ error: `backtest step refused: ${error.message}` });
        return;
      }
      next(error);
    }
  });
  return router;
}
