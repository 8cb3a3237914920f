// How alerts are chosen and ordered for a reader: which belong to a scope, the wall's order, and the
// part of an alert the wall carries.
import { SEVERITIES, isActiveAlert, type Alert } from '@shared/alerts';
import { LIMITS } from '@shared/panels';
import type { Scope } from '@shared/regions';
import type { AlertSummary } from '@shared/wall-events';
import { regionWithin } from './grouping';

/** An alert belongs to a scope when one of its regions is the scope or lies inside it. */
export function inScope(alert: Pick<Alert, 'regionCodes'>, scope: Scope): boolean {
  return scope === 'national' || alert.regionCodes.some((code) => regionWithin(code, scope));
}

/** Most severe first, then the newest (by when it was raised), then by id so the order is stable. */
export function newestMostSevere(a: Alert, b: Alert): number {
  return (
    SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) ||
    b.openedAt.localeCompare(a.openedAt) ||
    a.id.localeCompare(b.id)
  );
}

/** What the wall needs of an alert: everything but its bookkeeping (version, actors, note, signals). */
export function toSummary(alert: Alert): AlertSummary {
  const { version: _v, openedBy: _o, updatedBy: _u, note: _n, signals: _s, ...summary } = alert;
  return summary;
}

/** The wall's alerts part for a scope: its active alerts, most severe and newest first, capped. */
export function wallAlerts(alerts: Iterable<Alert>, scope: Scope): AlertSummary[] {
  return [...alerts]
    .filter((a) => isActiveAlert(a.status) && inScope(a, scope))
    .sort(newestMostSevere)
    .slice(0, LIMITS.alerts)
    .map(toSummary);
}
