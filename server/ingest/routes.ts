// POST /api/v1/cases: validate each case, accept the valid ones (even beside invalid ones), reply
// once they are durable. 200 when at least one was accepted, 422 when none was.
// The body is taken apart on an ingest thread (ingest-threads.ts, take-cases.ts): the cases are
// counted before any is parsed (413 over the limit), then parsed, validated, scrubbed and cut into
// words; the event loop stores what comes back.
import express, { Router } from 'express';
import type { IngestReply } from '@shared/case-schema';
import { mayIngest, type TokenStore } from '../auth/tokens';
import { requireRole } from '../auth/require-role';
import type { Clock } from '../clock';
import type { Metrics } from '../ops/metrics';
import { NotDurableError, type IngestQueue } from './ingest-queue';
import type { IngestThreads } from './ingest-threads';

export interface IngestRouteDeps {
  tokens: TokenStore;
  queue: IngestQueue;
  metrics: Metrics;
  /** where bodies are parsed, validated, scrubbed and cut into words (with the per-request limits) */
  threads: IngestThreads;
  maxBodyBytes: number;
  clock: Clock;
  /** only the writer-lease holder ingests; a standby answers 503 (an unknown role spools, see create-server) */
  lease: { role(): 'writer' | 'standby' | 'unknown'; holder(): string | undefined };
  retryAfterSeconds: number;
}

export function ingestRoutes({
  tokens,
  queue,
  metrics,
  threads,
  maxBodyBytes,
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
    express.raw({ type: () => true, limit: maxBodyBytes }),
    async (req, res) => {
      const body: Uint8Array = Buffer.isBuffer(req.body) ? req.body : new Uint8Array(0);
      const taken = await threads.take(req.header('content-type'), body, clock.now());
      if (!taken.ok) {
        res.status(taken.status).json({ error: taken.error });
        return;
      }
      const { indexes, rejected } = taken;
      // the reply needs only the accepted versions' ids: the versions themselves go to the queue
      // (taken out of `taken`, so that this request does not hold them while their insert runs)
      const ids = taken.accepted.map((version) => version.id);
      let refused = new Map<number, string>();
      if (ids.length > 0) {
        try {
          refused = (await queue.submit(taken.accepted.splice(0))).refused;
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
        for (const [position, error] of refused)
          rejected.push({ index: indexes[position], id: ids[position], errors: [error] });
        rejected.sort((a, b) => a.index - b.index);
      }
      metrics.casesRejected.inc(rejected.length);
      const reply: IngestReply = { accepted: ids.length - refused.size, rejected };
      if (reply.accepted > 0) metrics.casesAccepted.inc(reply.accepted);
      res.status(reply.accepted > 0 ? 200 : 422).json(reply);
    },
  );
  return router;
}
