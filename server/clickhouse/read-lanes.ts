// Two lanes into ClickHouse. Live work (ticks, ingest) goes straight through. Ad-hoc reads (the
// statistics API) go through a narrow lane with a bounded wait queue: the embedded engine runs one
// query at a time, so a read sent beside a tick makes the tick wait for it. There a read starts only
// while no live query is in flight, one at a time, and after each read the lane rests a while, so
// that reads take at most a share of the engine's time (and of the cores the server's own event loop
// needs to assemble and send the ticks). A ClickHouse server runs queries side by side, so its lane
// may be wider and need not wait for live work.

export interface AdhocLaneOptions {
  /** ad-hoc reads sent to ClickHouse at once */
  concurrency: number;
  /** ad-hoc reads allowed to wait for their turn; one more is refused at once */
  queueLimit: number;
  /** start ad-hoc reads only while no live query is in flight (the embedded engine) */
  yieldToLive: boolean;
  /** after a read of d ms the lane starts no other for restRatio x d ms: 1 gives reads at most half the time */
  restRatio: number;
}

export type BusyReason = 'queue full' | 'waited too long' | 'time limit';

/** An ad-hoc read refused or cut off so that live work is not held up; answered as 503. */
export class AdhocReadRefused extends Error {
  constructor(
    readonly reason: BusyReason,
    message: string,
  ) {
    super(message);
    this.name = 'AdhocReadRefused';
  }
}

interface Waiter {
  deadlineMs: number;
  start(): void;
  timer: NodeJS.Timeout;
}

export class ReadLanes {
  private liveInFlight = 0;
  private adhocRunning = 0;
  private readonly waiting: Waiter[] = [];
  private dispatchQueued = false;
  private restUntilMs = 0;
  private restTimer: NodeJS.Timeout | undefined;

  constructor(private readonly adhocOptions: AdhocLaneOptions) {}

  /** Queries waiting for the ad-hoc lane and running in it, for /metrics and tests. */
  get adhocState(): { waiting: number; running: number } {
    return { waiting: this.waiting.length, running: this.adhocRunning };
  }

  async live<T>(run: () => Promise<T>): Promise<T> {
    this.liveInFlight += 1;
    try {
      return await run();
    } finally {
      this.liveInFlight -= 1;
      this.queueDispatch();
    }
  }

  /** Runs `run` when the lane has room, or refuses when the queue is full or `deadlineMs` passes first. */
  async adhoc<T>(run: () => Promise<T>, deadlineMs: number): Promise<T> {
    await this.turn(deadlineMs);
    const startedMs = Date.now();
    try {
      return await run();
    } finally {
      this.adhocRunning -= 1;
      const restMs = (Date.now() - startedMs) * this.adhocOptions.restRatio;
      this.restUntilMs = Math.max(this.restUntilMs, Date.now() + restMs);
      this.queueDispatch();
    }
  }

  private turn(deadlineMs: number): Promise<void> {
    if (this.waiting.length >= this.adhocOptions.queueLimit)
      throw new AdhocReadRefused('queue full', 'too many statistics reads are waiting; retry in a moment');
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        deadlineMs,
        start: () => {
          clearTimeout(waiter.timer);
          this.adhocRunning += 1;
          resolve();
        },
        timer: setTimeout(
          () => {
            this.waiting.splice(this.waiting.indexOf(waiter), 1);
            reject(new AdhocReadRefused('waited too long', 'the store is busy with live work; retry in a moment'));
          },
          Math.max(0, deadlineMs - Date.now()),
        ),
      };
      // earliest deadline first: a read made of several queries finishes before a later read starts,
      // rather than every read of a storm advancing together and all of them missing their limit
      const before = this.waiting.findIndex((w) => w.deadlineMs > deadlineMs);
      this.waiting.splice(before === -1 ? this.waiting.length : before, 0, waiter);
      this.queueDispatch();
    });
  }

  /**
   * Dispatches after the current turn of the event loop: live work that follows another in the same
   * turn (the ingest's look-up, then its insert; a tick's six queries) is in flight by then.
   */
  private queueDispatch(): void {
    if (this.dispatchQueued || this.waiting.length === 0) return;
    this.dispatchQueued = true;
    setImmediate(() => {
      this.dispatchQueued = false;
      const restingMs = this.restUntilMs - Date.now();
      if (restingMs > 0) {
        clearTimeout(this.restTimer);
        this.restTimer = setTimeout(() => this.queueDispatch(), restingMs);
        return;
      }
      const { concurrency, yieldToLive } = this.adhocOptions;
      while (this.waiting.length > 0 && this.adhocRunning < concurrency && !(yieldToLive && this.liveInFlight > 0))
        this.waiting.shift()!.start();
    });
  }
}
