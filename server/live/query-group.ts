// One query of one scope with its own cadence, the last good answer and the time that answer is
// current to. A query is never stacked: while one is still running (ClickHouse slow or hung), no
// second one is sent for the same group; the tick waits for it only up to its budget and goes on
// with the last good answer, flagged degraded. An answer that arrives late is used at the next tick.
import type { TickTimes } from './tick-window';

type Settled<R> = { ok: true; value: R } | { ok: false; error: Error };

interface Pending<R> {
  forMs: number;
  promise: Promise<void>;
  settled?: Settled<R>;
}

export interface GroupSpec<R> {
  name: string;
  /** ticks between refreshes: 1 for the panels of every tick */
  everyTicks: number;
  /** ticks after the first answer before the first refresh (spreads slow groups over ticks) */
  firstRefreshTick: number;
  run(times: TickTimes): Promise<R>;
}

export class QueryGroup<R> {
  /** the last good answer and the tick time it is current to */
  last: { value: R; forMs: number } | undefined;
  /** the last attempt failed or has not answered within its tick's budget */
  failing = false;
  /** the error of the last failed attempt, for the log */
  lastError: Error | undefined;
  private pending: Pending<R> | undefined;
  private nextDueTick = 0;

  constructor(readonly spec: GroupSpec<R>) {}

  /** Starts this group's query for the tick if it is due and none is running; the promise to wait on. */
  begin(tickIndex: number, times: TickTimes): Promise<void> | undefined {
    this.consume(tickIndex);
    const due = !this.last || this.failing || tickIndex >= this.nextDueTick;
    if (due && !this.pending) {
      const pending: Pending<R> = { forMs: times.nowMs, promise: Promise.resolve() };
      pending.promise = this.spec.run(times).then(
        (value) => void (pending.settled = { ok: true, value }),
        (error: unknown) =>
          void (pending.settled = { ok: false, error: error instanceof Error ? error : new Error(String(error)) }),
      );
      this.pending = pending;
    }
    return this.pending?.promise;
  }

  /** Makes the group due at its next begin (a paused scope watched again: its slow panels are old). */
  expire(): void {
    this.nextDueTick = 0;
  }

  /** After the tick's wait: takes a settled answer, or marks the group failing when none came. */
  finish(tickIndex: number): void {
    if (this.pending && !this.pending.settled) {
      this.failing = true;
      this.lastError = new Error(`${this.spec.name}: no answer within the tick budget`);
      return;
    }
    this.consume(tickIndex);
  }

  private consume(tickIndex: number): void {
    const settled = this.pending?.settled;
    if (!this.pending || !settled) return;
    const forMs = this.pending.forMs;
    this.pending = undefined;
    if (settled.ok) {
      const first = !this.last;
      // answers never go back in time (a late one may be older than one already taken)
      if (!this.last || forMs >= this.last.forMs) this.last = { value: settled.value, forMs };
      this.nextDueTick = tickIndex + (first ? this.spec.firstRefreshTick : this.spec.everyTicks);
      this.failing = false;
      this.lastError = undefined;
    } else {
      this.failing = true;
      this.lastError = settled.error;
    }
  }
}
