// The recent payloads of one scope, so that a wall that lost its connection for a moment gets exactly
// what it missed (its lastSeq + 1 onwards) instead of a full snapshot. Bounded: a wall away longer
// than the ring covers starts again from a snapshot.
import type { WallSnapshot, WallUpdate } from '@shared/wall-events';

export type RingEntry =
  { event: 'wall:snapshot'; payload: WallSnapshot } | { event: 'wall:update'; payload: WallUpdate };

export class UpdateRing {
  private readonly entries: RingEntry[] = [];

  constructor(private readonly capacity: number) {}

  push(entry: RingEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.shift();
  }

  /**
   * The entries after `lastSeq` when the ring still holds all of them (an empty list when the wall is
   * up to date); undefined when it does not, or when lastSeq is not one this scope has sent.
   */
  after(lastSeq: number, currentSeq: number): RingEntry[] | undefined {
    if (lastSeq === currentSeq) return [];
    if (lastSeq > currentSeq || this.entries.length === 0) return undefined;
    const oldest = this.entries[0].payload.seq;
    if (lastSeq < oldest - 1) return undefined;
    return this.entries.filter((entry) => entry.payload.seq > lastSeq);
  }
}
