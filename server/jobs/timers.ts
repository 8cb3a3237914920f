// When the scheduler's timers fire. Real timers in service; tests pass a ManualClock, which is both
// the clock and the timers, so a test moves time forward and sees exactly the runs that fall due.
import type { Clock } from '../clock';

export type TimerHandle = unknown;

export interface JobTimers {
  set(fire: () => void, delayMs: number): TimerHandle;
  clear(handle: TimerHandle): void;
}

export const realTimers: JobTimers = {
  set: (fire, delayMs) => {
    const timer = setTimeout(fire, delayMs);
    // a scheduled job never keeps the process alive by itself: shutdown decides when to exit
    timer.unref();
    return timer;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** A clock that moves only when told to, firing the timers that fall due on the way (tests). */
export class ManualClock implements Clock, JobTimers {
  private readonly pending = new Map<number, { atMs: number; fire: () => void }>();
  private nextHandle = 1;

  constructor(private nowMs: number) {}

  now(): number {
    return this.nowMs;
  }

  set(fire: () => void, delayMs: number): TimerHandle {
    const handle = this.nextHandle++;
    this.pending.set(handle, { atMs: this.nowMs + Math.max(0, delayMs), fire });
    return handle;
  }

  clear(handle: TimerHandle): void {
    this.pending.delete(handle as number);
  }

  /** Moves time forward by `ms`, firing due timers in order and letting the work they start settle. */
  async advance(ms: number): Promise<void> {
    const targetMs = this.nowMs + ms;
    for (;;) {
      let next: [number, { atMs: number; fire: () => void }] | undefined;
      for (const entry of this.pending)
        if (entry[1].atMs <= targetMs && (!next || entry[1].atMs < next[1].atMs)) next = entry;
      if (!next) break;
      this.pending.delete(next[0]);
      this.nowMs = next[1].atMs;
      next[1].fire();
      await settle();
    }
    this.nowMs = targetMs;
    await settle();
  }
}

/** Lets promise chains started by a timer run to their next real wait. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
