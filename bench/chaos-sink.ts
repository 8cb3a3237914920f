// The chaos benchmark's intake system: posts the simulator's batches like simulator/http-sink.ts,
// but retries every batch until it gets an answer (as the hotline's intake systems do), and records
// which versions each 200 reply accepted (by id and version time) and the longest time between two
// 200 replies while there was something to post: the longest ingest pause.
import type { CaseInput, IngestReply } from '@shared/case-schema';
import type { CaseSink, SinkStats } from '../simulator/http-sink';
import { SendSlots } from '../simulator/send-slots';

const REQUEST_TIMEOUT_MS = 30_000;

export const versionKey = (id: string, versionMs: number) => `${id}@${versionMs}`;

export class ChaosSink implements CaseSink {
  readonly stats: SinkStats = { batches: 0, accepted: 0, rejected: 0, failed: 0, retries: 0 };
  /** id@versionMs of every version a 200 reply accepted, with when it was first accepted */
  readonly accepted = new Map<string, number>();
  /** stretches of more than 5 s without a 200 reply */
  readonly pauses: Array<{ fromMs: number; toMs: number }> = [];
  /** replies by status (or the network error's name) */
  readonly replies = new Map<string, number>();
  longestPauseMs = 0;
  private lastOkMs = Date.now();
  private stopping = false;
  private readonly slots: SendSlots;

  constructor(
    private readonly url: () => string,
    private readonly token: string,
    concurrency = 2,
  ) {
    this.slots = new SendSlots(concurrency);
  }

  async submit(batch: CaseInput[]): Promise<void> {
    if (batch.length === 0) return;
    await this.slots.run(() => this.send(batch));
  }

  drain(): Promise<void> {
    return this.slots.drain();
  }

  /** Waits for every batch to be acknowledged (or for `deadlineMs`, then gives up on the rest). */
  async close(deadlineMs = 180_000): Promise<void> {
    const timer = setTimeout(() => (this.stopping = true), deadlineMs);
    await this.drain();
    clearTimeout(timer);
  }

  /** The pause still running now counts too (an ingest that never came back). */
  notePauseUntilNow(): void {
    this.notePause(Date.now());
  }

  private notePause(nowMs: number): void {
    this.longestPauseMs = Math.max(this.longestPauseMs, nowMs - this.lastOkMs);
    if (nowMs - this.lastOkMs > 5000) this.pauses.push({ fromMs: this.lastOkMs, toMs: nowMs });
  }

  private count(what: string): void {
    this.replies.set(what, (this.replies.get(what) ?? 0) + 1);
  }

  private async send(batch: CaseInput[]): Promise<void> {
    const body = JSON.stringify(batch);
    for (let attempt = 1; ; attempt += 1) {
      try {
        const response = await fetch(this.url(), {
          method: 'POST',
          headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
          body,
          signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
        });
        this.count(String(response.status));
        if (response.status === 200 || response.status === 422) {
          const reply = (await response.json()) as IngestReply;
          this.record(batch, reply);
          return;
        }
        await response.body?.cancel();
      } catch (error) {
        this.count((error as Error).name === 'TimeoutError' ? 'timeout' : 'network error');
      }
      if (this.stopping) {
        this.stats.failed += batch.length;
        return;
      }
      this.stats.retries += 1;
      await new Promise((resolve) => setTimeout(resolve, Math.min(2000, 100 * 2 ** Math.min(attempt, 5))));
    }
  }

  private record(batch: CaseInput[], reply: IngestReply): void {
    const nowMs = Date.now();
    this.notePause(nowMs);
    this.lastOkMs = nowMs;
    this.stats.batches += 1;
    this.stats.accepted += reply.accepted;
    this.stats.rejected += reply.rejected.length;
    const rejected = new Set(reply.rejected.map((r) => r.index));
    batch.forEach((c, index) => {
      const key = versionKey(c.id, Date.parse(c.updatedAt ?? c.receivedAt));
      if (!rejected.has(index) && !this.accepted.has(key)) this.accepted.set(key, nowMs);
    });
  }
}
