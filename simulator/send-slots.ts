// Bounded concurrency for senders that post batches: at most `concurrency` in flight, a caller waits
// for a free slot (backpressure), and drain() resolves once nothing is in flight or waiting.
export class SendSlots {
  private inFlight = 0;
  private readonly waiting: Array<() => void> = [];
  private readonly idle: Array<() => void> = [];

  constructor(private readonly concurrency: number) {}

  /** Waits for a free slot, then starts `send` in it; resolves once it is on its way. */
  async run(send: () => Promise<void>): Promise<void> {
    while (this.inFlight >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight += 1;
    void send().finally(() => {
      this.inFlight -= 1;
      this.waiting.shift()?.();
      if (this.inFlight === 0 && this.waiting.length === 0) for (const resolve of this.idle.splice(0)) resolve();
    });
  }

  /** Resolves when nothing is in flight or waiting. */
  async drain(): Promise<void> {
    if (this.inFlight === 0 && this.waiting.length === 0) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }
}
