import { describe, expect, it } from 'vitest';
import { MessageBudget, pendingBytes } from './socket-limits';

describe('MessageBudget', () => {
  it('allows the burst, then the rate, and says when to come back', () => {
    let nowMs = 0;
    const budget = new MessageBudget(10, 20, () => nowMs);
    for (let i = 0; i < 20; i++) expect(budget.take()).toEqual({ ok: true });
    expect(budget.take()).toEqual({ ok: false, retryAfterMs: 100, abusive: false });
    nowMs += 100;
    expect(budget.take()).toEqual({ ok: true });
    nowMs += 1_000;
    for (let i = 0; i < 10; i++) expect(budget.take().ok).toBe(true);
    expect(budget.take().ok).toBe(false);
  });

  it('never calls a socket that waits as told abusive, and calls one that does not abusive soon', () => {
    let nowMs = 0;
    const patient = new MessageBudget(10, 20, () => nowMs);
    for (let i = 0; i < 1_000; i++) {
      const verdict = patient.take();
      if (!verdict.ok) {
        expect(verdict.abusive).toBe(false);
        nowMs += verdict.retryAfterMs;
      }
    }
    nowMs = 0;
    const flooder = new MessageBudget(10, 20, () => nowMs);
    const verdicts = Array.from({ length: 60 }, () => flooder.take());
    const firstAbusive = verdicts.findIndex((v) => !v.ok && v.abusive);
    expect(firstAbusive).toBeGreaterThan(20);
    expect(firstAbusive).toBeLessThan(50);
  });
});

describe('pendingBytes', () => {
  it('adds the packets engine.io holds back and what the WebSocket buffered', () => {
    const conn = {
      writeBuffer: [{ data: 'abcd' }, { data: new Uint8Array(6) }, {}],
      transport: { socket: { bufferedAmount: 90 } },
    };
    expect(pendingBytes(conn)).toBe(100);
    expect(pendingBytes({ writeBuffer: [], transport: {} })).toBe(0);
  });
});
