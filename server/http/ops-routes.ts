// GET /healthz and GET /metrics. Unauthenticated on purpose: load balancers and Prometheus scrape
// them; they reveal no case data.
import { Router } from 'express';
import type { ClickHouse } from '../clickhouse/client';
import type { Metrics } from '../ops/metrics';
import type { Spool } from '../ingest/spool';

export interface HealthState {
  migrated: boolean;
  startedAtMs: number;
}

export function opsRoutes(deps: { clickhouse: ClickHouse; metrics: Metrics; spool: Spool; health: HealthState }): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const answering = await deps.clickhouse.ping();
    const ok = deps.health.migrated && answering;
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unavailable',
      clickhouse: deps.clickhouse.mode,
      clickhouseAnswering: answering,
      migrated: deps.health.migrated,
      spooledCases: deps.spool.pendingCases(),
      uptimeSeconds: Math.round((Date.now() - deps.health.startedAtMs) / 1000),
    });
  });
  router.get('/metrics', async (_req, res) => {
    res.set('Content-Type', deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}
