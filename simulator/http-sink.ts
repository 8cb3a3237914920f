// Posts simulated cases through the public ingest API, exactly as an intake system would: JSON arrays
// to POST /api/v1/cases with an ingest token. A few batches in flight at once; transient failures
// (503 while ClickHouse and the spool are unavailable, 5xx, network errors) are retried with
// exponential backoff; a 4xx or a rejected case means the simulator produced an invalid case, which
// is a bug, and is logged as an error with the ingest's own reasons.
import type { CaseInput, IngestReply } from '@shared/case-schema';
import type { Logger } from '@server/ops/logger';
import { SendSlots } from './send-slots';

export interface HttpSinkOptions {
  baseUrl: string;
  token: string;
  logger: Logger;
  /** name in the logs: backfill, live */
  name: string;
  /** requests in flight at once */
  concurrency?: number;
  /** attempts per batch before giving up on it */
  maxAttempts?: number;
  /** first backoff; doubles per attempt up to 30 s */
  backoffMs?: number;
}

export interface SinkStats {
  batches: number;
  /** case versions the ingest accepted */
  accepted: number;
  /** case versions the ingest rejected (simulator bugs) */
  rejected: number;
  /** case versions given up on after the last retry */
  failed: number;
  retries: number;
}

/** Where simulated case versions go: the HTTP ingest in the demo, memory in unit tests. */
export interface CaseSink {
  /** resolves once the batch is on its way; waits while too many are in flight (backpressure) */
  submit(batch: CaseInput[]): Promise<void>;
  /** resolves when nothing is in flight */
  drain(): Promise<void>;
  /** stops retrying and waits for what is in flight */
  close(): Promise<void>;
  readonly stats: SinkStats;
}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
const MAX_BACKOFF_MS = 30_000;

export class HttpSink implements CaseSink {
  readonly stats: SinkStats = { batches: 0, accepted: 0, rejected: 0, failed: 0, retries: 0 };
  private stopping = false;
  private readonly url: string;
  private readonly slots: SendSlots;
  private readonly maxAttempts: number;
  private readonly backoffMs: number;

  constructor(private readonly options: HttpSinkOptions) {
    this.url = `${options.baseUrl.replace(/\/$/, '')}/api/v1/cases`;
    this.slots = new SendSlots(options.concurrency ?? 2);
    this.maxAttempts = options.maxAttempts ?? 10;
    this.backoffMs = options.backoffMs ?? 250;
  }

  /** Sends a batch; resolves once it is on its way (backpressure: waits for a free slot). */
  async submit(batch: CaseInput[]): Promise<void> {
    if (batch.length === 0) return;
    await this.slots.run(() => this.send(batch));
  }

  /** Resolves when nothing is in flight or waiting. */
  drain(): Promise<void> {
    return this.slots.drain();
  }

  /** Stops retrying (a batch in flight gets one more attempt at most) and waits for what is in flight. */
  async close(): Promise<void> {
    this.stopping = true;
    await this.drain();
  }

  private async send(batch: CaseInput[]): Promise<void> {
    const body = JSON.stringify(batch);
    for (let attempt = 1; ; attempt += 1) {
      let retryable: string;
      try {
        const response = await fetch(this.url, {
          method: 'POST',
          headers: { authorization: `Bearer ${this.options.token}`, 'content-type': 'application/json' },
          body,
        });
        if (response.ok || response.status === 422) {
          this.record(batch, (await response.json()) as IngestReply);
          return;
        }
        const text = await response.text();
        if (!RETRYABLE.has(response.status)) {
          this.stats.failed += batch.length;
          this.options.logger.error(
            { sink: this.options.name, status: response.status, reply: text.slice(0, 500) },
            'SIMULATOR BUG: ingest refused a batch',
          );
          return;
        }
        retryable = `HTTP ${response.status}: ${text.slice(0, 200)}`;
      } catch (error) {
        retryable = (error as Error).message;
      }
      if (attempt >= this.maxAttempts || (this.stopping && attempt >= 2)) {
        this.stats.failed += batch.length;
        this.options.logger.error(
          { sink: this.options.name, attempts: attempt, reason: retryable, cases: batch.length },
          'simulator gave up on a batch',
        );
        return;
      }
      this.stats.retries += 1;
      this.options.logger.warn({ sink: this.options.name, attempt, reason: retryable }, 'ingest unavailable; retrying');
      await new Promise((resolve) =>
        setTimeout(resolve, Math.min(MAX_BACKOFF_MS, this.backoffMs * 2 ** (attempt - 1))),
      );
    }
  }

  private record(batch: CaseInput[], reply: IngestReply): void {
    this.stats.batches += 1;
    this.stats.accepted += reply.accepted;
    this.stats.rejected += reply.rejected.length;
    if (reply.rejected.length > 0) {
      // an invalid simulated case is a bug in the simulator: say loudly which and why
      const examples = reply.rejected.slice(0, 3).map((r) => ({ id: r.id, errors: r.errors, case: batch[r.index] }));
      this.options.logger.error(
        { sink: this.options.name, rejected: reply.rejected.length, examples },
        'SIMULATOR BUG: ingest rejected simulated cases',
      );
    }
  }
}
