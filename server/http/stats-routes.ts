// GET /api/v1/stats: distinct cases received in a window inside a scope. A caller's read, not live
// work: it goes through ClickHouse's ad-hoc lane under a time limit, and answers 503 with the reason
// rather than hold up the walls' ticks or the ingest.
import { Router } from 'express';
import { scopeRange } from '@shared/regions';
import { statsQuerySchema, type StatsReply } from '@shared/stats-schema';
import { describeIssues } from '@shared/case-schema';
import { mayRead, type TokenStore } from '../auth/tokens';
import { requireRole } from '../auth/require-role';
import type { ClickHouse } from '../clickhouse/client';
import { AdhocReadRefused } from '../clickhouse/read-lanes';
import { countReceived } from '../queries/intake/count-received';

export interface StatsDeps {
  tokens: TokenStore;
  clickhouse: ClickHouse;
  /** the longest one read may take, waiting for its turn included */
  timeLimitMs: number;
}

export function statsRoutes(deps: StatsDeps): Router {
  const router = Router();
  router.get('/api/v1/stats', requireRole(deps.tokens, mayRead, 'read statistics'), async (req, res, next) => {
    const parsed = statsQuerySchema.safeParse(req.query);
    if (!parsed.success) {
      res.status(400).json({ error: 'invalid query', details: describeIssues(parsed.error) });
      return;
    }
    const { scope, from, to } = parsed.data;
    const [regionFrom, regionTo] = scopeRange(scope);
    try {
      const counts = await countReceived(
        deps.clickhouse,
        // the rollups' TTLs follow ClickHouse's clock, the real one, not the wall's injected clock
        { regionFrom, regionTo, fromMs: Date.parse(from), toMs: Date.parse(to), nowMs: Date.now() },
        { lane: 'adhoc', deadlineMs: Date.now() + deps.timeLimitMs },
      );
      const reply: StatsReply = { scope, from, to, ...counts };
      res.json(reply);
    } catch (error) {
      if (!(error instanceof AdhocReadRefused)) {
        next(error);
        return;
      }
      const seconds = deps.timeLimitMs / 1000;
      const why =
        error.reason === 'time limit'
          ? `the statistics read did not finish within its limit of ${seconds} s: ask for a shorter window or a smaller scope`
          : `${error.message} (the live wall and the ingest come first)`;
      res.status(503).set('Retry-After', '5').json({ error: why, reason: error.reason });
    }
  });
  return router;
}
