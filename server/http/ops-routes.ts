// GET /healthz and GET /metrics. Unauthenticated on purpose: load balancers and Prometheus scrape
// them; they reveal no case data.
import { Router } from 'express';
import type { WorkingCalendar } from '@shared/calendar';
import type { ClickHouse } from '../clickhouse/client';
import type { Clock } from '../clock';
import type { Metrics } from '../ops/metrics';
import type { Spool } from '../ingest/spool';

export interface HealthState {
  migrated: boolean;
  startedAtMs: number;
}

export interface OpsDeps {
  clickhouse: ClickHouse;
  metrics: Metrics;
  spool: Spool;
  /** accepted rows in the insert log, not yet in ClickHouse */
  loggedCases: () => number;
  health: HealthState;
  calendar: WorkingCalendar;
  clock: Clock;
  lease: { isWriter(): boolean; holder(): string | undefined };
}

/** A ClickHouse answer this recent (and no failure since) counts as ClickHouse answering. */
const RECENT_ANSWER_MS = 2_000;

export function opsRoutes(deps: OpsDeps): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    // under a steady ingest a ping would wait behind the running insert: a recent answer is as good
    const answering = deps.clickhouse.answeredWithin(RECENT_ANSWER_MS) || (await deps.clickhouse.ping());
    const spool = deps.spool.health();
    // why not ok, in words an operator can act on
    const reasons = [
      ...(answering ? [] : ['ClickHouse is not answering: cases are spooled']),
      ...(deps.health.migrated ? [] : ['migrations are not applied yet']),
      ...(spool.writable
        ? []
        : [`the spool disk fails (${spool.error}): cases that cannot be stored are refused with 503`]),
    ];
    // a missing calendar year degrades deadlines to estimates, not the service: 200 with a warning
    const missingCalendarYears = deps.calendar.missingYears(deps.clock.now());
    const warnings = missingCalendarYears.map(
      (year) =>
        `the working-day calendar has no ${year}: deadlines counting its days assume Monday to Friday (add it: docs/deadlines.md)`,
    );
    res.status(reasons.length === 0 ? 200 : 503).json({
      status: reasons.length === 0 ? 'ok' : 'unavailable',
      reasons,
      warnings,
      missingCalendarYears,
      clickhouse: deps.clickhouse.mode,
      clickhouseAnswering: answering,
      migrated: deps.health.migrated,
      spooledCases: deps.spool.pendingCases(),
      insertLogCases: deps.loggedCases(),
      spoolWritable: spool.writable,
      // a standby is healthy (it serves walls); ingest goes to the writer
      writer: deps.lease.isWriter(),
      writerHolder: deps.lease.holder() ?? null,
      uptimeSeconds: Math.round((Date.now() - deps.health.startedAtMs) / 1000),
    });
  });
  router.get('/metrics', async (_req, res) => {
    res.set('Content-Type', deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}
