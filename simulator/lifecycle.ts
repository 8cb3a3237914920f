// The life of a case as a chain of status changes with realistic delays inside the legal deadlines
// (shared/deadlines.ts): consultations are answered on the line or within a working day; complaints
// are accepted within 7 working days and mediated within 45 of acceptance; reports are verified
// within 15. A small share of complaints and reports (SIM_LATE_SHARE, 2% by default; one city's
// seeds report 99.8% on time) run past their deadline: the overdue cases the wall must show.
import type { Channel, Kind, Status } from '@shared/codes';
import { caseDeadlines, dueAt } from '@shared/deadlines';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '@shared/time';
import type { Rng } from './random';
import { afterWorkingDays, isStaffedHour } from './working-time';

export interface Step {
  status: Status;
  atMs: number;
  /** set on resolved and closed steps when money came back */
  recoveredYuan?: number;
  /** set on a complaint's accepted step: versions from it on carry acceptedAt (the mediation clock) */
  acceptedAtMs?: number;
}

/** The transitions the simulator produces; lifecycle.test.ts holds every chain to them. */
export const ALLOWED_TRANSITIONS: Readonly<Record<Status, readonly Status[]>> = {
  received: ['accepted', 'rejected', 'transferred', 'resolved'],
  transferred: ['accepted', 'resolved'],
  accepted: ['mediating', 'verifying', 'resolved'],
  mediating: ['resolved'],
  verifying: ['resolved'],
  resolved: ['closed'],
  rejected: [],
  closed: [],
};

/** Complaints and reports handled after their deadline, unless the model is given another share. */
export const DEFAULT_LATE_SHARE = 0.02;

export interface LifecycleInput {
  kind: Kind;
  channel: Channel;
  receivedAtMs: number;
  amountYuan: number;
  /** share of complaints and reports handled late (0 to 1); DEFAULT_LATE_SHARE when absent */
  lateShare?: number;
}

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Working days drawn log-normally around a median, kept inside [lo, hi]. */
function workingDays(rng: Rng, median: number, lo: number, hi: number): number {
  return clamp(rng.logNormal(median, 0.8), lo, hi);
}

/** Accepted (possibly after a transfer), rejected, or transferred then accepted by the receiving unit. */
function decide(rng: Rng, steps: Step[], at: number, rejectShare: number, transferShare: number): number | null {
  const roll = rng.next();
  if (roll < rejectShare) {
    steps.push({ status: 'rejected', atMs: at });
    return null;
  }
  if (roll < rejectShare + transferShare) {
    steps.push({ status: 'transferred', atMs: at });
    at = afterWorkingDays(at, workingDays(rng, 1, 0.2, 3));
  }
  steps.push({ status: 'accepted', atMs: at });
  return at;
}

/**
 * Resolution then closure (after the call-back) before `limitMs`, the legal limit for this stage; or,
 * for the overdue share, some days after `dueMs`, the case's deadline as the wall computes it.
 */
function finish(
  rng: Rng,
  steps: Step[],
  from: number,
  medianWd: number,
  dueMs: number,
  lateShare: number,
  recovered?: number,
): void {
  const overdue = rng.chance(lateShare);
  const limitMs = dueMs;
  const resolved = overdue
    ? dueMs + Math.max(DAY_MS, rng.logNormal(8 * DAY_MS, 0.7))
    : Math.min(afterWorkingDays(from, workingDays(rng, medianWd, 0.2, 40)), limitMs - 2 * HOUR_MS);
  steps.push({ status: 'resolved', atMs: resolved, recoveredYuan: recovered });
  const closed = afterWorkingDays(resolved, workingDays(rng, 1.5, 0.1, 5));
  steps.push({
    status: 'closed',
    atMs: overdue ? closed : Math.min(closed, limitMs - MINUTE_MS),
    recoveredYuan: recovered,
  });
}

function complaint(rng: Rng, input: LifecycleInput, steps: Step[]): void {
  const received = input.receivedAtMs;
  const acceptBy = caseDeadlines({ kind: 'complaint', receivedAt: received }).dueAtMs;
  const decidedAt = Math.min(afterWorkingDays(received, workingDays(rng, 1.2, 0.05, 6.5)), acceptBy - 10 * MINUTE_MS);
  const accepted = decide(rng, steps, decidedAt, 0.08, 0.05);
  if (accepted === null) return;
  steps[steps.length - 1].acceptedAtMs = accepted;
  const mediating = afterWorkingDays(accepted, workingDays(rng, 0.3, 0.02, 1));
  steps.push({ status: 'mediating', atMs: mediating });
  // from acceptance the server's clock is the mediation deadline, 45 working days on
  const mediateBy = caseDeadlines({ kind: 'complaint', receivedAt: received, acceptedAt: accepted }).dueAtMs;
  // about two mediations in three bring money back, usually most of it
  const recovered =
    input.amountYuan > 0 && rng.chance(0.65) ? round2(input.amountYuan * rng.between(0.4, 1)) : undefined;
  finish(rng, steps, mediating, 7, mediateBy, lateShareOf(input), recovered);
}

function report(rng: Rng, input: LifecycleInput, steps: Step[]): void {
  const received = input.receivedAtMs;
  const accepted = decide(rng, steps, afterWorkingDays(received, workingDays(rng, 0.8, 0.05, 4)), 0.05, 0.03);
  if (accepted === null) return;
  const verifying = afterWorkingDays(accepted, workingDays(rng, 0.3, 0.02, 1));
  steps.push({ status: 'verifying', atMs: verifying });
  const recovered =
    input.amountYuan > 0 && rng.chance(0.15) ? round2(input.amountYuan * rng.between(0.3, 1)) : undefined;
  const due = dueAt('report', new Date(received)).getTime();
  finish(rng, steps, verifying, 5, due, lateShareOf(input), recovered);
}

function consultation(rng: Rng, input: LifecycleInput, steps: Step[]): void {
  const received = input.receivedAtMs;
  const due = dueAt('consultation', new Date(received)).getTime() - MINUTE_MS;
  const spoken = input.channel === 'phone' || input.channel === 'visit';
  if (spoken && isStaffedHour(received) && rng.chance(0.9)) {
    // answered on the line
    steps.push({ status: 'resolved', atMs: received + clamp(rng.logNormal(6 * MINUTE_MS, 0.8), MINUTE_MS, HOUR_MS) });
    return;
  }
  let at = received;
  if (rng.chance(0.08)) {
    at = afterWorkingDays(at, workingDays(rng, 0.1, 0.01, 0.4));
    steps.push({ status: 'transferred', atMs: at });
  }
  steps.push({ status: 'resolved', atMs: Math.min(afterWorkingDays(at, workingDays(rng, 0.25, 0.01, 0.5)), due) });
}

function suggestion(rng: Rng, input: LifecycleInput, steps: Step[]): void {
  const due = dueAt('suggestion', new Date(input.receivedAtMs)).getTime() - MINUTE_MS;
  steps.push({
    status: 'resolved',
    atMs: Math.min(afterWorkingDays(input.receivedAtMs, workingDays(rng, 4, 0.2, 14)), due),
  });
}

const lateShareOf = (input: LifecycleInput) => input.lateShare ?? DEFAULT_LATE_SHARE;

function round2(yuan: number): number {
  return Math.round(yuan * 100) / 100;
}

/**
 * The case's steps from receipt, times in whole seconds and strictly increasing. `timeScale` < 1
 * compresses the delays (live simulation at SIM_SPEED > 1) without touching the receipt time.
 */
export function planLifecycle(rng: Rng, input: LifecycleInput, timeScale = 1): Step[] {
  const steps: Step[] = [{ status: 'received', atMs: input.receivedAtMs }];
  if (input.kind === 'complaint') complaint(rng, input, steps);
  else if (input.kind === 'report') report(rng, input, steps);
  else if (input.kind === 'consultation') consultation(rng, input, steps);
  else suggestion(rng, input, steps);
  let previous = input.receivedAtMs;
  for (let i = 1; i < steps.length; i += 1) {
    const scaled = input.receivedAtMs + (steps[i].atMs - input.receivedAtMs) * timeScale;
    previous = Math.max(Math.round(scaled / 1000) * 1000, previous + 1000);
    steps[i].atMs = previous;
    if (steps[i].acceptedAtMs !== undefined) steps[i].acceptedAtMs = previous;
  }
  return steps;
}
