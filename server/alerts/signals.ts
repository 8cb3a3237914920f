// The detectors' entry point: each cycle they hand over what they found, and the alerts follow.
// - A signal about the same event as an alert (grouping.ts) joins it; the alert gets a log event only
//   when the signal brings news (a new finding, a new region, more cases): not one per cycle.
// - A signal about nothing known opens an alert; one whose alert resolved less than ALERT_REOPEN_MS
//   ago reopens it; one whose alert was dismissed is absorbed silently (people said it is no event).
// - An alert no detector has reported for ALERT_QUIET_MS resolves itself (hysteresis: a count that
//   dips for a cycle or two does not close it). Which alert was seen when is kept in memory: after a
//   restart every alert gets a whole quiet period for its signals to come back.
import crypto from 'node:crypto';
import type { DetectorSignal } from '@shared/alert-signals';
import {
  ALERT_QUIET_MS,
  ALERT_REOPEN_MS,
  ALERT_TRANSITIONS,
  SPARKLINE_HOURS,
  isActiveAlert,
  mayTransition,
  type Alert,
  type AlertEventType,
} from '@shared/alerts';
import { HOUR_MS } from '@shared/time';
import type { Logger } from 'pino';
import { SYSTEM_ACTOR } from './events';
import { byStrength, figuresOf, newsOf, relatesTo, toAlertSignal, withSignal } from './grouping';
import type { AlertRepository } from './repository';
import type { AlertExplanation } from './explain';
import { sparklineStartMs } from '../queries/alerts/alert-slice';

interface Draft {
  alert: Alert;
  type: AlertEventType;
}

export interface IntakeOutcome {
  opened: string[];
  updated: string[];
  reopened: string[];
  resolved: string[];
}

const emptyExplanation = (atMs: number): AlertExplanation => ({
  cases: 0,
  firstCaseAt: null,
  latestCaseAt: null,
  sparkline: {
    start: new Date(sparklineStartMs(atMs)).toISOString(),
    stepMs: HOUR_MS,
    counts: new Array<number>(SPARKLINE_HOURS).fill(0),
  },
});

export function createSignalIntake(repository: AlertRepository, logger: Logger) {
  /** Alerts a signal may still join at `atMs`: active ones, and recently resolved or dismissed ones. */
  function mayJoin(alert: Alert, atMs: number): boolean {
    if (isActiveAlert(alert.status)) return true;
    const sinceMs = alert.status === 'resolved' ? Date.parse(alert.updatedAt) : repository.lastSeenMs(alert);
    return atMs - sinceMs <= ALERT_REOPEN_MS;
  }

  function target(signal: Alert['signals'][number], atMs: number, drafts: Map<string, Draft>): Alert | undefined {
    const current = [...repository.all().values()].map((a) => drafts.get(a.id)?.alert ?? a);
    const fresh = [...drafts.values()].filter((d) => d.type === 'opened').map((d) => d.alert);
    return [...current, ...fresh]
      .filter((a) => mayJoin(a, atMs) && relatesTo(a, signal))
      .sort(
        (a, b) =>
          Number(isActiveAlert(b.status)) - Number(isActiveAlert(a.status)) || b.updatedAt.localeCompare(a.updatedAt),
      )[0];
  }

  function opened(signal: Alert['signals'][number], atMs: number): Alert {
    const at = new Date(atMs).toISOString();
    const signals = [signal];
    return {
      id: crypto.randomUUID(),
      ...figuresOf(signals),
      ...emptyExplanation(atMs),
      status: 'open',
      openedAt: at,
      updatedAt: at,
      version: 0,
      openedBy: SYSTEM_ACTOR,
      updatedBy: SYSTEM_ACTOR,
      note: null,
      signals,
    };
  }

  async function explained(alert: Alert, atMs: number): Promise<AlertExplanation> {
    try {
      return await repository.explain(alert, atMs);
    } catch (error) {
      // the signals' figures still stand; the counts from the store wait for the next change
      logger.warn({ alert: alert.id, err: (error as Error).message }, 'alert explanation not read');
      return alert.version === 0 ? emptyExplanation(atMs) : alert;
    }
  }

  async function sweep(atMs: number, outcome: IntakeOutcome): Promise<void> {
    for (const alert of [...repository.all().values()]) {
      if (!mayTransition('resolve', alert.status) || atMs - repository.lastSeenMs(alert) < ALERT_QUIET_MS) continue;
      const next = repository.transitioned(alert, ALERT_TRANSITIONS.resolve.to, SYSTEM_ACTOR, atMs, alert.note);
      await repository.append({ type: 'resolved', at: next.updatedAt, actor: SYSTEM_ACTOR, alert: next });
      outcome.resolved.push(alert.id);
    }
  }

  return {
    /** One detection cycle's signals, all detectors' or one's; `atMs` is the cycle's time. */
    ingestSignals: (signals: readonly DetectorSignal[], atMs: number): Promise<IntakeOutcome> =>
      repository.serial(async () => {
        const outcome: IntakeOutcome = { opened: [], updated: [], reopened: [], resolved: [] };
        const drafts = new Map<string, Draft>();
        for (const signal of signals.map(toAlertSignal).sort(byStrength)) {
          const alert = target(signal, atMs, drafts);
          if (!alert) {
            const fresh = opened(signal, atMs);
            drafts.set(fresh.id, { alert: fresh, type: 'opened' });
            repository.markSeen(fresh.id, atMs);
            continue;
          }
          repository.markSeen(alert.id, atMs);
          if (alert.status === 'dismissed') continue;
          const reopening = alert.status === 'resolved';
          if (!reopening && newsOf(alert.signals, alert.regionCodes, signal).length === 0) continue;
          const signalsNext = withSignal(alert.signals, signal);
          const status = reopening ? ALERT_TRANSITIONS.reopen.to : alert.status;
          const type = drafts.get(alert.id)?.type ?? (reopening ? 'reopened' : 'updated');
          drafts.set(alert.id, { alert: { ...alert, ...figuresOf(signalsNext), signals: signalsNext, status }, type });
        }
        for (const { alert, type } of drafts.values()) {
          const at = new Date(atMs).toISOString();
          const explanation = await explained(alert, atMs);
          const next: Alert = {
            ...alert,
            cases: explanation.cases,
            firstCaseAt: explanation.firstCaseAt,
            latestCaseAt: explanation.latestCaseAt,
            sparkline: explanation.sparkline,
            version: alert.version + 1,
            updatedAt: at,
            updatedBy: SYSTEM_ACTOR,
          };
          await repository.append({ type, at, actor: SYSTEM_ACTOR, alert: next });
          outcome[type === 'opened' ? 'opened' : type === 'reopened' ? 'reopened' : 'updated'].push(alert.id);
        }
        await sweep(atMs, outcome);
        return outcome;
      }),
    /** Resolves the alerts gone quiet, between detection cycles too (a job, every minute). */
    sweep: (atMs: number): Promise<IntakeOutcome> =>
      repository.serial(async () => {
        const outcome: IntakeOutcome = { opened: [], updated: [], reopened: [], resolved: [] };
        await sweep(atMs, outcome);
        return outcome;
      }),
  };
}

export type SignalIntake = ReturnType<typeof createSignalIntake>;
