// One writer per store. The case writer's head cache is the truth between its own inserts, so two
// processes writing one ClickHouse would count cases twice. Exactly one holds the writer lease; the
// others serve walls and answer ingest with 503.
//
// ClickHouse has no compare-and-set, so the lease is an append-only log (writer_lease) read by the
// same pure rules everywhere (writer-lease-view.ts), with every time on ClickHouse's clock:
// - A server that finds no live lease (highest renewed epoch released or not renewed for leaseMs)
//   and no live competing claim appends a claim for epoch top+1, waits settleMs, and reads again.
//   The winner is the first claim: lowest epoch, then earliest time. Two claimants that raced both
//   see both claims after the settle (an insert is visible when it returns, in well under settleMs),
//   so they agree; one that saw the other's claim first took a higher epoch and loses.
// - The winner appends a renewal of its epoch and reads back that its epoch is now the highest
//   renewed one, and that this renewal came within leaseMs - settleMs of its claim (a claimant
//   stalled past its claim's life could otherwise establish an epoch after a later round decided).
// - The holder renews every renewMs and counts itself writer only until sentAt + leaseMs - renewMs
//   of its last renewal whose read-back showed its epoch still highest (sentAt: before the request,
//   on its own monotonic clock, so a slow renewal only shortens it). Others take over only after leaseMs without
//   a renewal on ClickHouse's clock, so a holder cut off from ClickHouse stops writing at least
//   renewMs before anyone else may start. A higher epoch renewed by another makes it step down.
// - On graceful stop the holder appends a release: a standby takes over at its next look.
// A holder id names one process (default: host and DATA_DIR, which one process owns), so a server
// restarted after SIGKILL may claim over its own earlier, still-live lease at once.
import { performance } from 'node:perf_hooks';
import { Gauge, type Registry } from 'prom-client';
import type { ClickHouse } from '../clickhouse/client';
import type { Logger } from '../ops/logger';
import { runQuery } from '../clickhouse/define-query';
import { writerLeaseClock } from '../queries/lease/writer-lease-clock';
import { writerLeaseRows } from '../queries/lease/writer-lease-rows';
import { claimWon, establishedLease, winningClaim, type LeaseRowKind, type LeaseTiming } from './writer-lease-view';

export type { LeaseTiming } from './writer-lease-view';
/** writer: holds the lease; standby: another holds it (or is claiming it); unknown: not yet known or lapsed */
export type WriterRole = 'writer' | 'standby' | 'unknown';

export interface WriterLeaseOptions {
  clickhouse: ClickHouse;
  holderId: string;
  timing: LeaseTiming;
  logger: Logger;
  registry?: Registry;
  /** a monotonic clock in ms for the holder's own validity (tests may inject one) */
  monotonicMs?: () => number;
  /** called each time this server becomes the writer (a fresh head cache, the spool replayed) */
  onAcquired?: () => void;
}

export function createWriterLease({
  clickhouse,
  holderId,
  timing,
  logger,
  registry,
  monotonicMs = () => performance.now(),
  onAcquired,
}: WriterLeaseOptions) {
  const { leaseMs, renewMs, settleMs } = timing;
  let role: WriterRole = 'unknown';
  let epoch = 0;
  /** how many times this process has become the writer: memory read in an earlier term may be stale */
  let term = 0;
  let validUntilMs = -Infinity;
  let holderSeen: string | undefined;
  let timer: NodeJS.Timeout | undefined;
  let round: Promise<void> = Promise.resolve();
  let stopped = false;
  let started = false;
  const gauge =
    registry &&
    new Gauge({
      name: 'commandwall_writer_lease',
      help: '1 while this server holds the writer lease',
      registers: [registry],
    });

  const isWriter = () => role === 'writer' && monotonicMs() < validUntilMs;

  async function readLease() {
    const { nowMs, topEpoch } = await runQuery(clickhouse, writerLeaseClock, undefined);
    const rows = await runQuery(clickhouse, writerLeaseRows, { windowMs: leaseMs * 3 });
    return { nowMs, topEpoch, rows };
  }

  const append = (kind: LeaseRowKind, forEpoch: number) =>
    clickhouse.insert('writer_lease', [{ epoch: forEpoch, holder: holderId, kind }]);

  function become(next: WriterRole, holder: string | undefined): void {
    if (next !== role || holder !== holderSeen)
      logger.info({ role: next, holder, epoch, self: holderId }, 'writer lease');
    const acquired = next === 'writer' && role !== 'writer';
    if (acquired) term += 1;
    role = next;
    holderSeen = holder;
    gauge?.set(next === 'writer' ? 1 : 0);
    if (acquired) onAcquired?.();
  }

  /** Renews (or establishes) `forEpoch`; true when the read-back shows it is the lease. */
  async function renew(forEpoch: number, claimedAtMs?: number): Promise<boolean> {
    const sentMs = monotonicMs();
    await append('renew', forEpoch);
    const { nowMs, rows } = await readLease();
    const established = establishedLease(rows, nowMs, leaseMs);
    if (established?.epoch !== forEpoch || established.holder !== holderId) {
      become('standby', established?.holder);
      return false;
    }
    if (claimedAtMs !== undefined && established.renewedMs - claimedAtMs >= leaseMs - settleMs) return false;
    validUntilMs = Math.max(validUntilMs, sentMs + leaseMs - renewMs);
    return monotonicMs() < validUntilMs;
  }

  async function acquire(): Promise<void> {
    const seen = await readLease();
    const established = establishedLease(seen.rows, seen.nowMs, leaseMs);
    if (established?.live && established.holder !== holderId) return become('standby', established.holder);
    const pending = winningClaim(seen.rows, seen.nowMs, leaseMs, established?.epoch ?? 0);
    if (pending && pending.holder !== holderId) return become('standby', pending.holder);
    const claimEpoch = seen.topEpoch + 1;
    await append('claim', claimEpoch);
    await new Promise((resolve) => setTimeout(resolve, settleMs));
    const settled = await readLease();
    if (!claimWon(settled.rows, settled.nowMs, leaseMs, holderId, claimEpoch)) {
      const live = establishedLease(settled.rows, settled.nowMs, leaseMs);
      const winner = live?.live ? live : winningClaim(settled.rows, settled.nowMs, leaseMs, live?.epoch ?? 0);
      return become('standby', winner?.holder);
    }
    const claim = settled.rows.find((r) => r.kind === 'claim' && r.holder === holderId && r.epoch === claimEpoch);
    epoch = claimEpoch;
    if (claim && (await renew(claimEpoch, claim.firstMs))) become('writer', holderId);
  }

  async function step(): Promise<void> {
    try {
      if (role === 'writer' && isWriter()) {
        if (!(await renew(epoch)) && role === 'writer' && !isWriter()) become('unknown', undefined);
      } else {
        if (role === 'writer') become('unknown', undefined); // lapsed: it must win a new round
        await acquire();
      }
    } catch (error) {
      if (role === 'writer' && !isWriter()) become('unknown', undefined);
      logger.warn({ err: (error as Error).message, role }, 'writer lease: ClickHouse did not answer');
    }
  }

  function loop(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      round = step().finally(loop);
    }, renewMs);
    timer.unref();
  }

  return {
    holderId,
    isWriter,
    /** this server's role, as /healthz reports it */
    role: (): WriterRole => (role === 'writer' && !isWriter() ? 'unknown' : role),
    /** times this process has taken the lease (0: never); the write domains re-read their logs when it moves */
    term: (): number => term,
    /** the writer's holder id as last seen (this server's own when it is the writer) */
    holder: () => holderSeen,
    /** Runs the first round (so a lone server is the writer when it resolves), then renews in the background. */
    async start(): Promise<void> {
      if (stopped || started) return; // a retried start-up must not run a second loop
      started = true;
      round = step();
      await round;
      loop();
    },
    /** Stops renewing; `release` lets a standby take over at once (graceful stop only). */
    async stop({ release }: { release: boolean }): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await round;
      if (release && isWriter()) {
        role = 'unknown';
        await append('release', epoch).catch((error: Error) =>
          logger.warn({ err: error.message }, 'writer lease: release not written'),
        );
      }
      role = 'unknown';
      gauge?.set(0);
    },
  };
}

export type WriterLease = ReturnType<typeof createWriterLease>;
