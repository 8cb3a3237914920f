// The one guard every write domain shares (notices, incidents, alerts, and any added later): only the
// process holding the writer lease appends to a domain's log. Two servers on one store would
// otherwise both append version n + 1 of the same incident, and each fold a different history.
//
// A repository keeps its current state in memory, folded from its log. While another process held
// the lease it may have appended events this one never saw, so a repository also remembers the lease
// term its memory was read in and re-reads its log before its first write in a new term.
//
// A refusal is a NotWriterError: the routes answer 503 with Retry-After and the reason, nothing
// stored (server/domain/json-body.ts). The case writer is fenced by the ingest queue itself.
import type { WriterLease } from './writer-lease';

/** This process may not write now: another holds the lease, or it is not known yet, or it lapsed. */
export class NotWriterError extends Error {
  constructor(
    message: string,
    /** when to try again: about one renewal period */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export interface WriteFence {
  /** Throws NotWriterError unless this process holds the writer lease now. */
  assertWriter(what: string): void;
  /** How many times this process has taken the lease (0: never). */
  term(): number;
}

/** The fence of a process alone on its store (an evaluation, a script): it is always the writer. */
export const soleWriter: WriteFence = { assertWriter: () => undefined, term: () => 1 };

type LeaseView = Pick<WriterLease, 'isWriter' | 'role' | 'holder' | 'term'>;

export function createWriteFence(lease: LeaseView, retryAfterSeconds: number): WriteFence {
  return {
    assertWriter(what: string): void {
      if (lease.isWriter()) return;
      const role = lease.role();
      const reason =
        role === 'standby'
          ? `this server is a standby: ${lease.holder() ?? 'another server'} holds the writer lease`
          : 'this server does not hold the writer lease (not yet known, or it lapsed)';
      throw new NotWriterError(`${reason}; the ${what} was not stored`, retryAfterSeconds);
    },
    term: () => lease.term(),
  };
}

/**
 * What a repository keeps of the fence. Call `reading()` as a load starts, `stale()` in the write
 * queue before a write reads memory (re-read the log when it says so), `assertCurrent()` just before
 * the insert (a lease lost or taken again meanwhile refuses the write).
 */
export function fencedMemory(fence: WriteFence, what: string) {
  let readInTerm = -1;
  return {
    reading(): void {
      readInTerm = fence.term();
    },
    /** Refuses unless this process is the writer; true when memory predates its current term. */
    stale(): boolean {
      fence.assertWriter(what);
      return readInTerm !== fence.term();
    },
    assertCurrent(retryAfterSeconds = 1): void {
      fence.assertWriter(what);
      if (readInTerm !== fence.term())
        throw new NotWriterError(
          `this server took the writer lease after it read the ${what}s; they are re-read: the ${what} was not stored, retry`,
          retryAfterSeconds,
        );
    },
  };
}

export type FencedMemory = ReturnType<typeof fencedMemory>;
