// The later steps of open cases, waiting for their time: a binary min-heap keyed by the step's time.
// An entry holds the case's seed (rebuilt when due), not the case, to keep memory small; cases
// received more than `horizonMs` ago are dropped (capped memory: the wall's live panels look back
// 30 days, and anything older that is still open shows as overdue, which it would be).
import type { CaseSeed, SimCase } from './case-factory';

export interface PendingStep {
  atMs: number;
  /** index of the step in the case's lifecycle */
  step: number;
  seed: CaseSeed;
  /** rebuilds the case: the model of the stream the case came from */
  build: (seed: CaseSeed) => SimCase;
}

export const PENDING_HORIZON_MS = 30 * 86_400_000;

export class PendingSteps {
  private readonly heap: PendingStep[] = [];
  /** entries refused because the cap was reached */
  dropped = 0;

  constructor(
    private readonly horizonMs = PENDING_HORIZON_MS,
    private readonly maxEntries = 2_000_000,
  ) {}

  get size(): number {
    return this.heap.length;
  }

  add(entry: PendingStep, nowMs: number): void {
    if (entry.seed.receivedAtMs < nowMs - this.horizonMs) return;
    if (this.heap.length >= this.maxEntries) {
      this.dropped += 1;
      return;
    }
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (heap[parent].atMs <= heap[i].atMs) break;
      [heap[parent], heap[i]] = [heap[i], heap[parent]];
      i = parent;
    }
  }

  /** Removes and returns the entries due at or before `nowMs` (skipping those past the horizon). */
  takeDue(nowMs: number, limit = Infinity): PendingStep[] {
    const due: PendingStep[] = [];
    while (this.heap.length > 0 && this.heap[0].atMs <= nowMs && due.length < limit) {
      const entry = this.pop();
      if (entry.seed.receivedAtMs >= nowMs - this.horizonMs) due.push(entry);
    }
    return due;
  }

  private pop(): PendingStep {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop() as PendingStep;
    if (heap.length > 0) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let smallest = i;
        if (left < heap.length && heap[left].atMs < heap[smallest].atMs) smallest = left;
        if (right < heap.length && heap[right].atMs < heap[smallest].atMs) smallest = right;
        if (smallest === i) break;
        [heap[smallest], heap[i]] = [heap[i], heap[smallest]];
        i = smallest;
      }
    }
    return top;
  }
}
