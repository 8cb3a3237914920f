// POST /api/v1/cases: validate each case, accept the valid ones (even beside invalid ones), reply
// once they are durable. 200 when at least one was accepted, 422 when none was.
import express, { Router } from 'express';
import { caseInputSchema, checkCaseTimes, describeIssues, type IngestReply, type RejectedCase } from '@shared/case-schema';
import { mayIngest, type TokenStore } from '../auth/tokens';
import { requireRole } from '../auth/require-role';
import type { Clock } from '../clock';
import type { Metrics } from '../ops/metrics';
import { toCaseVersion, type CaseVersion } from './case-row';
import { StoreRejectedError, type IngestQueue } from './ingest-queue';
import { BodyError, parseCasesBody } from './parse-body';

export interface IngestRouteDeps {
  tokens: TokenStore;
  queue: IngestQueue;
  metrics: Metrics;
  maxBodyBytes: number;
  clock: Clock;
}

export function ingestRoutes({ tokens, queue, metrics, maxBodyBytes, clock }: IngestRouteDeps): Router {
  const router = Router();
  router.post(
    '/api/v1/cases',
    requireRole(tokens, mayIngest, 'ingest cases'),
    express.text({ type: () => true, limit: maxBodyBytes }),
    async (req, res) => {
      const body = typeof req.body === 'string' ? req.body : '';
      let parsed;
      try {
        parsed = parseCasesBody(req.header('content-type'), body);
      } catch (error) {
        if (error instanceof BodyError) {
          res.status(error.status).json({ error: error.message });
          return;
        }
        throw error;
      }
      const { accepted, rejected } = validate(parsed.items, parsed.lineErrors, clock.now());
      metrics.casesRejected.inc(rejected.length);
      if (accepted.length === 0) {
        res.status(422).json({ accepted: 0, rejected } satisfies IngestReply);
        return;
      }
      try {
        await queue.submit(accepted);
      } catch (error) {
        // the store refused these (reachable, but rejecting the data) or neither store nor spool worked:
        // nothing from this request was kept, so the sender must retry; say which
        const rejectedByStore = error instanceof StoreRejectedError;
        res.status(rejectedByStore ? 500 : 503).json({ error: `${rejectedByStore ? 'ClickHouse rejected the cases' : 'cases could not be stored or spooled'}: ${(error as Error).message}; nothing from this request was kept` });
        return;
      }
      metrics.casesAccepted.inc(accepted.length);
      res.status(200).json({ accepted: accepted.length, rejected } satisfies IngestReply);
    },
  );
  return router;
}

function validate(items: unknown[], lineErrors: Map<number, string>, nowMs: number) {
  const accepted: CaseVersion[] = [];
  const rejected: RejectedCase[] = [];
  items.forEach((item, index) => {
    const lineError = lineErrors.get(index);
    if (lineError) {
      rejected.push({ index, errors: [lineError] });
      return;
    }
    const result = caseInputSchema.safeParse(item);
    const errors = result.success ? checkCaseTimes(result.data, nowMs) : describeIssues(result.error);
    if (result.success && errors.length === 0) accepted.push(toCaseVersion(result.data));
    else rejected.push({ index, id: idOf(item), errors });
  });
  return { accepted, rejected };
}

function idOf(item: unknown): string | undefined {
  if (item && typeof item === 'object' && 'id' in item && typeof item.id === 'string') return item.id;
  return undefined;
}
