// Lifecycles: strictly increasing versions, allowed transitions, legal deadlines kept except by the
// overdue share, and office time mapped correctly onto the Beijing calendar.
import { TERMINAL_STATUSES, type Status } from '@shared/codes';
import { caseDeadlines } from '@shared/deadlines';
import { describe, expect, it } from 'vitest';
import { versionAt } from './case-factory';
import { ALLOWED_TRANSITIONS, planLifecycle } from './lifecycle';
import { CaseModel } from './model';
import { Rng } from './random';
import { afterWorkingDays, fromOfficeDays, toOfficeDays } from './working-time';

const at = (iso: string) => Date.parse(iso);
const FROM = at('2026-03-02T00:00:00+08:00');

describe('office time', () => {
  it('moves a Friday-evening step to the next working morning', () => {
    const friday = at('2026-03-06T19:00:00+08:00');
    expect(new Date(afterWorkingDays(friday, 0.25)).toISOString()).toBe('2026-03-09T02:45:00.000Z'); // Mon 10:45
  });

  it('round-trips office time within a working day', () => {
    const t = at('2026-03-04T11:15:00+08:00');
    expect(fromOfficeDays(toOfficeDays(t))).toBe(t);
    expect(afterWorkingDays(t, 1)).toBe(at('2026-03-05T11:15:00+08:00'));
    expect(afterWorkingDays(t, 3)).toBe(at('2026-03-09T11:15:00+08:00')); // across the weekend
  });
});

/** A case received at 10:00 on FROM's day, by phone. */
const inputOf = (kind: 'complaint' | 'report', amountYuan: number) => ({
  kind,
  channel: 'phone' as const,
  receivedAtMs: FROM + 10 * 3_600_000,
  amountYuan,
});

describe('case lifecycles', () => {
  const model = new CaseModel({ seed: 31 });
  const sims = model
    .arrivals(FROM, FROM + 24 * 3_600_000)
    .slice(0, 30_000)
    .map((seed) => ({ seed, sim: model.build(seed) }));

  it('starts with receipt and moves strictly forward through allowed transitions', () => {
    for (const { seed, sim } of sims) {
      expect(sim.steps[0]).toEqual({ status: 'received', atMs: seed.receivedAtMs });
      for (let i = 1; i < sim.steps.length; i += 1) {
        const [prev, step] = [sim.steps[i - 1], sim.steps[i]];
        expect(step.atMs, seed.id).toBeGreaterThan(prev.atMs);
        expect(ALLOWED_TRANSITIONS[prev.status], `${seed.id} ${prev.status}>${step.status}`).toContain(step.status);
      }
      expect(TERMINAL_STATUSES).toContain(sim.steps.at(-1)!.status);
    }
  });

  it('keeps the deadlines the server computes from each version, except for a 1-3% late share of complaints and reports', () => {
    const overdue: Record<string, number> = { complaint: 0, report: 0, consultation: 0, suggestion: 0 };
    const total: Record<string, number> = { complaint: 0, report: 0, consultation: 0, suggestion: 0 };
    for (const { seed, sim } of sims) {
      const kind = sim.facts.kind;
      const terminalIndex = sim.steps.findIndex((s) => TERMINAL_STATUSES.includes(s.status as Status));
      const terminal = sim.steps[terminalIndex];
      // the clock running when the case was closed, from the version before it (acceptance included)
      const before = versionAt(sim, terminalIndex - 1);
      const due = caseDeadlines({ kind, receivedAt: before.receivedAt, acceptedAt: before.acceptedAt }).dueAtMs;
      total[kind] += 1;
      if (terminal.atMs > due) overdue[kind] += 1;
      else expect(sim.steps.at(-1)!.atMs, seed.id).toBeLessThanOrEqual(due);
      if (kind === 'complaint') {
        const decided = sim.steps[1];
        expect(decided.atMs).toBeLessThanOrEqual(caseDeadlines({ kind, receivedAt: seed.receivedAtMs }).acceptByMs!);
        const accepted = sim.steps.find((s) => s.status === 'accepted');
        if (accepted)
          expect(versionAt(sim, sim.steps.indexOf(accepted)).acceptedAt).toBe(
            versionAt(sim, sim.steps.indexOf(accepted)).updatedAt,
          );
      }
    }
    for (const kind of ['complaint', 'report']) {
      expect(overdue[kind] / total[kind], kind).toBeGreaterThan(0.01);
      expect(overdue[kind] / total[kind], kind).toBeLessThan(0.03);
    }
    expect(overdue.consultation + overdue.suggestion).toBe(0);
  });

  it('answers most consultations within hours and takes complaints days to weeks', () => {
    const hours = (ms: number) => ms / 3_600_000;
    const consult = sims
      .filter((s) => s.sim.facts.kind === 'consultation')
      .map((s) => hours(s.sim.steps.at(-1)!.atMs - s.seed.receivedAtMs))
      .sort((a, b) => a - b);
    expect(consult[Math.floor(consult.length / 2)]).toBeLessThan(12);
    const mediated = sims.filter((s) => s.sim.steps.some((x) => x.status === 'mediating'));
    const days = mediated
      .map((s) => hours(s.sim.steps.find((x) => x.status === 'resolved')!.atMs - s.seed.receivedAtMs) / 24)
      .sort((a, b) => a - b);
    expect(days[Math.floor(days.length / 2)]).toBeGreaterThan(5);
    expect(days[Math.floor(days.length / 2)]).toBeLessThan(30);
  });

  it('recovers money on resolution, never more than was involved', () => {
    let recovered = 0;
    for (const { sim } of sims) {
      for (const step of sim.steps) {
        if (step.recoveredYuan === undefined) continue;
        recovered += 1;
        expect(['resolved', 'closed']).toContain(step.status);
        expect(step.recoveredYuan).toBeLessThanOrEqual(sim.facts.amountYuan ?? 0);
      }
    }
    expect(recovered).toBeGreaterThan(1000);
  });

  it('hands a configurable share of complaints and reports in late', () => {
    const input = inputOf('report', 0);
    const late = (lateShare: number) => {
      let n = 0;
      for (let i = 0; i < 2000; i += 1) {
        const steps = planLifecycle(new Rng(i), { ...input, lateShare });
        if (steps.at(-1)!.atMs > caseDeadlines({ kind: 'report', receivedAt: input.receivedAtMs }).dueAtMs) n += 1;
      }
      return n;
    };
    expect(late(0)).toBe(0);
    expect(late(0.2)).toBeGreaterThan(250);
    expect(late(0.2)).toBeLessThan(450);
  });

  it('plans office time with the holiday calendar: no step falls in the Spring Festival days off', () => {
    // received on Friday 2026-02-13: the next working day is the make-up Saturday 02-14, then 02-24
    const received = at('2026-02-13T18:00:00+08:00');
    expect(new Date(afterWorkingDays(received, 1.5)).toISOString()).toBe('2026-02-24T05:00:00.000Z'); // Tue 13:00
  });

  it('compresses lifecycles at SIM_SPEED without moving the receipt', () => {
    const input = inputOf('complaint', 100);
    const normal = planLifecycle(new Rng(4), input);
    const fast = planLifecycle(new Rng(4), input, 1 / 60);
    expect(fast.map((s) => s.status)).toEqual(normal.map((s) => s.status));
    expect(fast[0].atMs).toBe(normal[0].atMs);
    const span = (steps: typeof normal) => steps.at(-1)!.atMs - steps[0].atMs;
    expect(span(fast) / span(normal)).toBeCloseTo(1 / 60, 2);
  });
});
