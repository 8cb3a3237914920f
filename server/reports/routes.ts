// GET /api/v1/reports/briefing: the analysis report of a scope over a period, as HTML, CSV or PDF
// (docs/reports.md). For directors and administrators. The store is read through ClickHouse's ad-hoc
// lane under the statistics time limit per read, as /api/v1/stats is (503 with the reason when the
// live wall and the ingest leave it no room); a PDF without Chromium is 503, HTML and CSV always work.
import { Router } from 'express';
import { describeIssues } from '@shared/case-schema';
import { briefingQuerySchema } from '@shared/report-schema';
import type { Role } from '@shared/roles';
import type { AlertRepository } from '../alerts/repository';
import { requireRole } from '../auth/require-role';
import type { TokenStore } from '../auth/tokens';
import type { ClickHouse } from '../clickhouse/client';
import { AdhocReadRefused } from '../clickhouse/read-lanes';
import type { Clock } from '../clock';
import type { IncidentRepository } from '../incidents/repository';
import { briefingCsv } from './briefing-csv';
import { gatherBriefing } from './briefing-data';
import { briefingHtml } from './briefing-html';
import { PdfUnavailable, printPdf } from './briefing-pdf';
import { cstDate, lastCstDate, reportWindows } from './report-period';

export interface ReportDeps {
  tokens: TokenStore;
  clickhouse: ClickHouse;
  alerts: AlertRepository;
  incidents: IncidentRepository;
  clock: Clock;
  /** the longest one read of the store may take, waiting for its turn included */
  timeLimitMs: number;
  chromiumPath: string;
  /** the longest Chromium may take to start and print */
  pdfTimeLimitMs: number;
}

const mayBrief = (role: Role) => role === 'director' || role === 'admin';

/** The report's own policy: nothing is loaded from anywhere, styles and fonts are inline. */
const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; font-src data:; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function reportRoutes(deps: ReportDeps): Router {
  const router = Router();
  router.get(
    '/api/v1/reports/briefing',
    requireRole(deps.tokens, mayBrief, 'read analysis reports'),
    async (req, res, next) => {
      const parsed = briefingQuerySchema.safeParse(req.query);
      if (!parsed.success) {
        res.status(400).json({ error: 'invalid query', details: describeIssues(parsed.error) });
        return;
      }
      const query = parsed.data;
      if (!deps.alerts.loaded || !deps.incidents.loaded) {
        res.status(503).set('Retry-After', '5').json({ error: 'alerts and incidents are still loading' });
        return;
      }
      const nowMs = deps.clock.now();
      const windows = reportWindows(query, nowMs);
      try {
        const briefing = await gatherBriefing(deps, query.scope, windows, nowMs, {
          lane: 'adhoc',
          deadlineMs: Date.now() + deps.timeLimitMs,
        });
        const name = `briefing-${query.scope}-${cstDate(windows.period.fromMs)}-${lastCstDate(windows.period)}-${query.lang}`;
        if (query.format === 'csv') {
          res.type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${name}.csv"`);
          res.send(briefingCsv(briefing));
          return;
        }
        const html = briefingHtml(briefing, query.lang);
        if (query.format === 'html') {
          res.type('html').set('Content-Security-Policy', REPORT_CSP).send(html);
          return;
        }
        const pdf = await printPdf(html, deps.chromiumPath, deps.pdfTimeLimitMs);
        res.type('application/pdf').set('Content-Disposition', `inline; filename="${name}.pdf"`).send(pdf);
      } catch (error) {
        if (error instanceof PdfUnavailable) {
          if (error.reason === 'busy') res.set('Retry-After', '10');
          res.status(503).json({ error: error.message, reason: error.reason });
          return;
        }
        if (!(error instanceof AdhocReadRefused)) {
          next(error);
          return;
        }
        const why =
          error.reason === 'time limit'
            ? `a read of the report did not finish within ${deps.timeLimitMs / 1000} s: ask for a shorter period or a smaller scope`
            : `${error.message} (the live wall and the ingest come first)`;
        res.status(503).set('Retry-After', '5').json({ error: why, reason: error.reason });
      }
    },
  );
  return router;
}
