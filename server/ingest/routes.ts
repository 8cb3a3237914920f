// POST /api/v1/cases: validate each case, accept the valid ones (even beside invalid ones), reply
// once they are durable. 200 when at least one was accepted, 422 when none was.
// The work per request is bounded: the cases are counted before any is parsed (413 over the
// limit), and parsing and validation yield the event loop every few milliseconds.
import express, { Router } from 'express';
import {
  caseInputSchema,
  checkCaseTimes,
  describeIssues,
  type IngestReply,
  type RejectedCase,
} from '@shared/case-schema';
import { mayIngest, type TokenStore } from '../auth/tokens';
import { requireRole } from '../auth/require-role';
import type { Clock } from '../clock';
import type { Metrics } from '../ops/metrics';
import { toCaseVersion, type CaseVersion } from './case-row';
import { NotDurableError, type IngestQueue } from './ingest-queue';
import { termsOfSummaries } from './term-segmenter';
import { BodyError, parseCasesBody } from './parse-body';
import { timeSlice, type TimeSlice } from './time-slice';

export interface IngestRouteDeps {
  tokens: TokenStore;
  queue: IngestQueue;
  metrics: Metrics;
  maxBodyBytes: number;
  maxCasesPerRequest: number;
  clock: Clock;
  /** only the writer-lease holder ingests; a standby answers 503 (an unknown role spools, see create-server) */
  lease: { role(): 'writer' | 'standby' | 'unknown'; holder(): string | undefined };
  retryAfterSeconds: number;
}

/** More JSON than any valid case can hold: its strings are capped at 2,000 + 200 + 100 characters. */
const MAX_CASE_CHARS = 64 * 1024;

export function ingestRoutes({
  tokens,
  queue,
  metrics,
  maxBodyBytes,
  maxCasesPerRequest,
  clock,
  lease,
  retryAfterSeconds,
}: IngestRouteDeps): Router {
  const router = Router();
  router.post(
    '/api/v1/cases',
    requireRole(tokens, mayIngest, 'ingest cases'),
    (_req, res, next) => {
      if (lease.role() !== 'standby') return next();
      res.set('Retry-After', String(retryAfterSeconds));
      res.status(503).json({
        error: `this server is a standby: ${lease.holder() ?? 'another server'} holds the writer lease; nothing from this request was kept`,
      });
    },
    express.text({ type: () => true, limit: maxBodyBytes }),
    async (req, res) => {
      const body = typeof req.body === 'string' ? req.body : '';
      const slice = timeSlice();
      let parsed;
      try {
        parsed = await parseCasesBody(
          req.header('content-type'),
          body,
          { maxCases: maxCasesPerRequest, maxCaseChars: MAX_CASE_CHARS },
          slice,
        );
      } catch (error) {
        if (error instanceof BodyError) {
          res.status(error.status).json({ error: error.message });
          return;
        }
        throw error;
      }
      const { accepted, indexes, rejected } = await validate(parsed.items, parsed.itemErrors, clock.now(), slice);
      let refused = new Map<CaseVersion, string>();
      if (accepted.length > 0) {
        // from the scrubbed summaries: personal data is gone before anything is indexed
        const terms = await termsOfSummaries(accepted.map((version) => version.summary));
        accepted.forEach((version, i) => (version.terms = terms[i]));
        try {
          refused = (await queue.submit(accepted)).refused;
        } catch (error) {
          if (!(error instanceof NotDurableError)) throw error;
          // neither stored nor spooled: nothing from this request was kept, and the sender must retry
          res.status(503).json({
            error: `cases could not be stored or spooled: ${error.message}; nothing from this request was kept`,
          });
          return;
        }
      }
      if (refused.size > 0) {
        const indexOf = new Map(accepted.map((version, i) => [version, indexes[i]]));
        for (const [version, error] of refused)
          rejected.push({ index: indexOf.get(version)!, id: version.id, errors: [error] });
        rejected.sort((a, b) => a.index - b.index);
      }
      metrics.casesRejected.inc(rejected.length);
      const reply: IngestReply = { accepted: accepted.length - refused.size, rejected };
      if (reply.accepted > 0) metrics.casesAccepted.inc(reply.accepted);
      res.status(reply.accepted > 0 ? 200 : 422).json(reply);
    },
  );
  return router;
}

async function validate(items: unknown[], itemErrors: Map<number, string>, nowMs: number, slice: TimeSlice) {
  const accepted: CaseVersion[] = [];
  /** each accepted version's index in the request, to name a case refused at storing */
  const indexes: number[] = [];
  const rejected: RejectedCase[] = [];
  for (const [index, item] of items.entries()) {
    if (slice.due()) await slice.pause();
    const itemError = itemErrors.get(index);
    if (itemError) {
      rejected.push({ index, errors: [itemError] });
      continue;
    }
    const result = caseInputSchema.safeParse(item);
    const errors = result.success ? checkCaseTimes(result.data, nowMs) : describeIssues(result.error);
    if (result.success && errors.length === 0) {
      accepted.push(toCaseVersion(result.data));
      indexes.push(index);
    } else rejected.push({ index, id: idOf(item), errors });
  }
  return { accepted, indexes, rejected };
}

function idOf(item: unknown): string | undefined {
  if (item && typeof item === 'object' && 'id' in item && typeof item.id === 'string') return item.id.slice(0, 64);
  return undefined;
}
