// The alerts: an append-only log in ClickHouse (alert_events) and the current alerts in memory, kept
// by the domain's event-log follower (server/domain/event-log-follower.ts: loaded at start, followed on
// a standby, one write at a time, each stored before it is applied and published).
// The detectors feed it through ingestSignals (signals.ts groups them into alerts); people change an
// alert's status through act (routes.ts).
import type { Logger } from 'pino';
import {
  ALERT_TRANSITIONS,
  allowedActions,
  isActiveAlert,
  mayTransition,
  type Alert,
  type AlertListQuery,
  type AlertLogEntry,
  type AlertStatus,
  type PersonAction,
} from '@shared/alerts';
import type { Scope } from '@shared/regions';
import type { AlertSummary } from '@shared/wall-events';
import type { ClickHouse } from '../clickhouse/client';
import type { Clock } from '../clock';
import { createEventLogFollower, withEventLog, type EventLogSpec } from '../domain/event-log-follower';
import { alertEvents } from '../queries/alerts/alert-events';
import type { WriteFence } from '../ingest/writer-lease-fence';
import {
  applyAlertLogEvent,
  emptyAlertState,
  fromRow,
  toInsert,
  type AlertEventRow,
  type AlertState,
} from './alert-log';
import type { AlertEvent } from './events';
import { caseIdsOf, explainAlert } from './explain';
import { inScope, newestMostSevere, wallAlerts } from './alert-views';

/** The store refused the event or could not be reached: nothing changed, the caller may retry. */
export class AlertStoreError extends Error {}

export type AlertAct =
  | { outcome: 'changed'; alert: Alert }
  | { outcome: 'refused'; alert: Alert; allowed: PersonAction[] }
  | { outcome: 'not-found' };

export interface AlertRepositoryDeps {
  clickhouse: ClickHouse;
  logger: Logger;
  clock: Clock;
  /** only the writer-lease holder appends (server/ingest/writer-lease-fence.ts) */
  fence: WriteFence;
  /** the explanation read from the store; tests of the grouping alone may replace it */
  explain?: typeof explainAlert;
}

/** The alert log as its follower reads, writes and folds it. */
const alertLog: EventLogSpec<AlertEventRow, AlertEvent, AlertState> = {
  domain: 'alerts',
  noun: 'alert',
  table: 'alert_events',
  log: alertEvents,
  fromRow,
  toInsert,
  empty: emptyAlertState,
  apply: applyAlertLogEvent,
  describe: (state) => ({ alerts: state.alerts.size }),
  StoreError: AlertStoreError,
};

export function createAlertRepository({
  clickhouse,
  logger,
  clock,
  fence,
  explain = explainAlert,
}: AlertRepositoryDeps) {
  /** when a detector last reported each alert: memory only, the hysteresis clock (signals.ts) */
  const lastSeenMs = new Map<string, number>();
  let loadedAtMs = 0;
  const log = createEventLogFollower(
    {
      ...alertLog,
      // after a restart (or taking the lease) each alert gets a whole quiet period for its signals to come back
      afterRead: () => (loadedAtMs = clock.now()),
    },
    { clickhouse, logger, fence },
  );
  const alerts = () => log.state.alerts;

  /** Inside `serial`: stores the event, then applies and publishes it; a failed insert changes nothing. */
  const append = async (event: AlertEvent): Promise<Alert> => (await log.append(event)).alert;

  /** Writes run one at a time (the signal intake's too), refused unless this server holds the lease. */
  const serial = log.write;

  /** The next version of an alert after a change of status. */
  function transitioned(current: Alert, to: AlertStatus, actor: string, atMs: number, note: string | null): Alert {
    const at = new Date(atMs).toISOString();
    return { ...current, status: to, version: current.version + 1, updatedAt: at, updatedBy: actor, note };
  }

  return withEventLog(log, {
    serial,
    append,
    transitioned,
    explain: (alert: Alert, toMs: number) => explain(clickhouse, alert, toMs),
    /** every alert by id, as folded; read-only for the signal intake */
    all: (): ReadonlyMap<string, Alert> => alerts(),
    lastSeenMs(alert: Alert): number {
      return lastSeenMs.get(alert.id) ?? Math.max(loadedAtMs, Date.parse(alert.updatedAt));
    },
    markSeen(id: string, atMs: number): void {
      lastSeenMs.set(id, atMs);
    },
    list({ scope, status, from, to }: AlertListQuery): Alert[] {
      const fromMs = from ? Date.parse(from) : -Infinity;
      const toMs = to ? Date.parse(to) : Infinity;
      return [...alerts().values()]
        .filter((a) => scope === undefined || inScope(a, scope))
        .filter((a) => status === 'all' || (status === 'active' ? isActiveAlert(a.status) : a.status === status))
        .filter((a) => Date.parse(a.updatedAt) >= fromMs && Date.parse(a.openedAt) < toMs)
        .sort(newestMostSevere);
    },
    /** The wall's alerts part for a scope: its active alerts, most severe and newest first. */
    forScope: (scope: Scope): AlertSummary[] => wallAlerts(alerts().values(), scope),
    get: (id: string): Alert | undefined => alerts().get(id),
    logOf: (id: string): AlertLogEntry[] => log.state.logs.get(id) ?? [],
    caseIds: (alert: Alert, toMs: number) => caseIdsOf(clickhouse, alert, toMs),
    /**
     * A person's change of status. `before` runs first, inside the queue, once the change is allowed
     * (escalation creates the incident there): if it throws, the alert is not changed.
     */
    act: <T = undefined>(
      id: string,
      action: PersonAction,
      actor: string,
      note: string | null,
      nowMs: number,
      before?: (alert: Alert) => Promise<T>,
    ): Promise<AlertAct & { made?: T }> =>
      serial(async () => {
        const current = alerts().get(id);
        if (!current) return { outcome: 'not-found' };
        if (!mayTransition(action, current.status))
          return { outcome: 'refused', alert: current, allowed: allowedActions(current.status) };
        const made = before ? await before(current) : undefined;
        const { to, event } = ALERT_TRANSITIONS[action];
        const alert = transitioned(current, to, actor, nowMs, note);
        return { outcome: 'changed', alert: await append({ type: event, at: alert.updatedAt, actor, alert }), made };
      }),
  });
}

export type AlertRepository = ReturnType<typeof createAlertRepository>;
