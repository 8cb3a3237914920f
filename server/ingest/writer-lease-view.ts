// How every server reads the writer lease's rows: the same pure rules on the same rows give the
// same answer, which is what makes the append-only protocol of writer-lease.ts safe.
export type LeaseRowKind = 'claim' | 'renew' | 'release';

/** One epoch, holder and kind from writer-lease-rows.sql (times on ClickHouse's clock). */
export interface LeaseRow {
  epoch: number;
  holder: string;
  kind: LeaseRowKind;
  /** the earliest row of this kind: a claim's time */
  firstMs: number;
  /** the latest row of this kind: the latest renewal */
  lastMs: number;
}

export interface LeaseTiming {
  /** a lease not renewed for this long is dead, and so is a claim this old */
  leaseMs: number;
  /** how often the holder renews (and a standby looks for a dead lease) */
  renewMs: number;
  /** how long a claimant waits for competing claims to show before it reads who won */
  settleMs: number;
}

export interface EstablishedLease {
  epoch: number;
  holder: string;
  renewedMs: number;
  live: boolean;
}

/** The established lease: the highest epoch anyone renewed. A lower epoch's late renewal never counts. */
export function establishedLease(
  rows: readonly LeaseRow[],
  nowMs: number,
  leaseMs: number,
): EstablishedLease | undefined {
  let top: LeaseRow | undefined;
  for (const row of rows) {
    if (row.kind !== 'renew') continue;
    if (!top || row.epoch > top.epoch || (row.epoch === top.epoch && row.firstMs < top.firstMs)) top = row;
  }
  if (!top) return undefined;
  const released = rows.some((r) => r.kind === 'release' && r.epoch === top.epoch && r.holder === top.holder);
  return {
    epoch: top.epoch,
    holder: top.holder,
    renewedMs: top.lastMs,
    live: !released && nowMs - top.lastMs < leaseMs,
  };
}

/**
 * The claim that wins the round above `aboveEpoch`: among live claims (younger than the lease),
 * each holder's latest only, the lowest (epoch, time, holder). A claimant that saw another claim
 * took a higher epoch, so "lowest" means "first", and ties in one epoch fall to the earlier time.
 */
export function winningClaim(
  rows: readonly LeaseRow[],
  nowMs: number,
  leaseMs: number,
  aboveEpoch: number,
): LeaseRow | undefined {
  const latestByHolder = new Map<string, LeaseRow>();
  for (const row of rows) {
    if (row.kind !== 'claim' || row.epoch <= aboveEpoch || nowMs - row.firstMs >= leaseMs) continue;
    const seen = latestByHolder.get(row.holder);
    if (!seen || row.epoch > seen.epoch) latestByHolder.set(row.holder, row);
  }
  let winner: LeaseRow | undefined;
  for (const claim of latestByHolder.values()) {
    if (!winner || compareClaims(claim, winner) < 0) winner = claim;
  }
  return winner;
}

function compareClaims(a: LeaseRow, b: LeaseRow): number {
  if (a.epoch !== b.epoch) return a.epoch - b.epoch;
  if (a.firstMs !== b.firstMs) return a.firstMs - b.firstMs;
  return a.holder < b.holder ? -1 : a.holder > b.holder ? 1 : 0;
}

/** Whether `holder`'s claim for `epoch` won, read after the settle delay. */
export function claimWon(
  rows: readonly LeaseRow[],
  nowMs: number,
  leaseMs: number,
  holder: string,
  epoch: number,
): boolean {
  const established = establishedLease(rows, nowMs, leaseMs);
  if (established && established.epoch >= epoch) return false;
  // a live lease blocks every claim but its own holder's (a restarted process under the same id)
  if (established?.live && established.holder !== holder) return false;
  const winner = winningClaim(rows, nowMs, leaseMs, established?.epoch ?? 0);
  return winner?.holder === holder && winner.epoch === epoch;
}
