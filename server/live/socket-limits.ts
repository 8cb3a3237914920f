// What one wall socket may cost the server: a message budget (a token bucket), and a measure of what is
// queued for it and not yet read. Both use the real monotonic clock, not the injected one: they guard
// real CPU and memory, and a test's frozen wall clock must not freeze the budget.
import { performance } from 'node:perf_hooks';

/** Largest message a wall sends ({ scope, lastSeq }) is tens of bytes; anything near this is abuse. */
export const WALL_MAX_MESSAGE_BYTES = 16 * 1024;

export type BudgetVerdict = { ok: true } | { ok: false; retryAfterMs: number; abusive: boolean };

/**
 * Messages per second on average with a burst allowance. A refused message says when to come back;
 * a message refused before that time had come is a strike. Strikes fade at one per second, so a wall
 * that waits as told never collects any, while a socket that keeps sending regardless passes `burst`
 * strikes within moments and is called abusive.
 */
export class MessageBudget {
  private tokens: number;
  private strikes = 0;
  private lastMs: number;
  /** the earliest time the last refusal allowed the next message */
  private comeBackAtMs = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.lastMs = now();
  }

  take(): BudgetVerdict {
    const nowMs = this.now();
    const elapsedS = (nowMs - this.lastMs) / 1000;
    this.lastMs = nowMs;
    this.tokens = Math.min(this.burst, this.tokens + elapsedS * this.perSecond);
    this.strikes = Math.max(0, this.strikes - elapsedS);
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return { ok: true };
    }
    if (nowMs < this.comeBackAtMs) this.strikes += 1;
    const retryAfterMs = Math.ceil(((1 - this.tokens) / Math.max(this.perSecond, 1e-9)) * 1000);
    this.comeBackAtMs = Math.max(this.comeBackAtMs, nowMs + retryAfterMs);
    return { ok: false, retryAfterMs, abusive: this.strikes > this.burst };
  }
}

/** The parts of an engine.io connection that hold data not yet written to the network. */
interface EngineConnection {
  writeBuffer?: Array<{ data?: unknown }>;
  transport?: { socket?: { bufferedAmount?: unknown } };
}

/**
 * Bytes queued for a socket: packets engine.io holds back while its transport is not writable (a
 * WebSocket whose last frames are not flushed, a long-poll nobody collects) plus what the WebSocket
 * itself has buffered above the kernel. A client that stops reading makes both grow.
 */
export function pendingBytes(conn: unknown): number {
  const engine = conn as EngineConnection;
  let bytes = 0;
  for (const packet of engine.writeBuffer ?? []) {
    const data = packet.data;
    if (typeof data === 'string') bytes += data.length;
    else if (data instanceof Uint8Array || data instanceof ArrayBuffer) bytes += data.byteLength;
  }
  const buffered = engine.transport?.socket?.bufferedAmount;
  return bytes + (typeof buffered === 'number' ? buffered : 0);
}

/** Drops a connection at once, without waiting for the queued data a slow reader will never take. */
export function dropConnection(conn: unknown): void {
  const engine = conn as { close?(discard?: boolean): void; transport?: { socket?: { terminate?(): void } } };
  // a WebSocket's close handshake would queue behind the stuck data for 30 s: cut the TCP connection
  engine.transport?.socket?.terminate?.();
  engine.close?.(true);
}
