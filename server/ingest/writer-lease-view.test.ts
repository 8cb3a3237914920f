import { describe, expect, it } from 'vitest';
import { claimWon, establishedLease, winningClaim, type LeaseRow } from './writer-lease-view';

const LEASE_MS = 20_000;
const row = (kind: LeaseRow['kind'], epoch: number, holder: string, firstMs: number, lastMs = firstMs): LeaseRow => ({
  kind,
  epoch,
  holder,
  firstMs,
  lastMs,
});

describe('writer lease rules', () => {
  it('the established lease is the highest renewed epoch; a lower epoch renewed late does not count', () => {
    const rows = [
      row('renew', 3, 'a', 1000, 90_000),
      row('claim', 4, 'b', 95_000),
      row('renew', 4, 'b', 96_000, 99_000),
    ];
    expect(establishedLease(rows, 100_000, LEASE_MS)).toEqual({ epoch: 4, holder: 'b', renewedMs: 99_000, live: true });
  });

  it('a lease is dead once released or not renewed for the lease time', () => {
    expect(establishedLease([row('renew', 2, 'a', 0, 50_000)], 70_000, LEASE_MS)?.live).toBe(false);
    expect(establishedLease([row('renew', 2, 'a', 0, 50_000)], 69_999, LEASE_MS)?.live).toBe(true);
    expect(
      establishedLease([row('renew', 2, 'a', 0, 50_000), row('release', 2, 'a', 51_000)], 52_000, LEASE_MS)?.live,
    ).toBe(false);
  });

  it('the first claim wins: lowest epoch, then earliest time; stale claims and superseded claims do not', () => {
    const now = 100_000;
    expect(
      winningClaim([row('claim', 5, 'late', 99_000), row('claim', 6, 'b', 98_000)], now, LEASE_MS, 4)?.holder,
    ).toBe('late');
    expect(winningClaim([row('claim', 5, 'b', 99_500), row('claim', 5, 'c', 99_400)], now, LEASE_MS, 4)?.holder).toBe(
      'c',
    );
    expect(
      winningClaim([row('claim', 5, 'stale', 70_000), row('claim', 6, 'b', 99_000)], now, LEASE_MS, 4)?.holder,
    ).toBe('b');
    // a holder's older claim is superseded by its newer one
    expect(
      winningClaim(
        [row('claim', 5, 'a', 90_000), row('claim', 7, 'a', 99_000), row('claim', 6, 'b', 95_000)],
        now,
        LEASE_MS,
        4,
      )?.holder,
    ).toBe('b');
    // claims at or below the established epoch are over
    expect(winningClaim([row('claim', 4, 'a', 99_000)], now, LEASE_MS, 4)).toBeUndefined();
  });

  it('a live lease blocks every claim but its own holder’s', () => {
    const rows = [row('renew', 3, 'a', 0, 95_000), row('claim', 4, 'b', 96_000), row('claim', 5, 'a', 97_000)];
    expect(claimWon(rows, 100_000, LEASE_MS, 'b', 4)).toBe(false);
    // b's claim is lower, so a (restarted under its own id) must wait for it to lapse
    expect(claimWon(rows, 100_000, LEASE_MS, 'a', 5)).toBe(false);
    expect(claimWon([row('renew', 3, 'a', 0, 95_000), row('claim', 5, 'a', 97_000)], 100_000, LEASE_MS, 'a', 5)).toBe(
      true,
    );
    // once the lease is dead, the first claim wins
    expect(claimWon([row('renew', 3, 'a', 0, 95_000), row('claim', 4, 'b', 115_500)], 116_000, LEASE_MS, 'b', 4)).toBe(
      true,
    );
  });
});
