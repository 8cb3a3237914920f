// The alerts: an append-only log in ClickHouse (alert_events) and the current alerts in memory,
// folded from the log at start. A write appends its event first and applies it only once stored, so
// memory never holds what a restart would not reproduce; then the change is published to the stream.
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
import { readEventLog, reportAnomalies } from '../domain/event-log';
import { alertEvents } from '../queries/alerts/alert-events';
import { createChangeFeed } from '../domain/change-feed';
import { createSerialQueue } from '../domain/serial';
import { fencedMemory, type WriteFence } from '../ingest/writer-lease-fence';
import { applyAlertEvent, appendLog, foldAlertLog, fromRow, toInsert } from './alert-log';
import type { AlertChanges, AlertEvent } from './events';
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

export function createAlertRepository({
  clickhouse,
  logger,
  clock,
  fence,
  explain = explainAlert,
}: AlertRepositoryDeps) {
  let alerts = new Map<string, Alert>();
  let logs = new Map<string, AlertLogEntry[]>();
  /** when a detector last reported each alert: memory only, the hysteresis clock (signals.ts) */
  const lastSeenMs = new Map<string, number>();
  let loadedAtMs = 0;
  let loaded = false;
  const queue = createSerialQueue();
  const memory = fencedMemory(fence, 'alert');
  const changes: AlertChanges = createChangeFeed<AlertEvent>('alerts', logger);

  /** Stores the event, then applies and publishes it; a failed insert changes nothing. */
  async function append(event: AlertEvent): Promise<Alert> {
    memory.assertCurrent();
    try {
      await clickhouse.insert('alert_events', [toInsert(event)]);
    } catch (error) {
      throw new AlertStoreError((error as Error).message, { cause: error });
    }
    const anomaly = applyAlertEvent(alerts, event);
    if (anomaly) logger.error({ anomaly }, 'alert write out of order');
    else appendLog(logs, event);
    changes.publish(event);
    return event.alert;
  }

  /** the log's size when a standby last re-read it (-1: not yet) */
  let followedSize = -1;

  async function readLog(nowMs: number): Promise<void> {
    memory.reading();
    const events = await readEventLog(clickhouse, alertEvents, fromRow, logger);
    const folded = foldAlertLog(events);
    reportAnomalies('alerts', folded.anomalies, logger);
    alerts = folded.alerts;
    logs = folded.logs;
    // after a restart (or taking the lease) each alert gets a whole quiet period for its signals to come back
    loadedAtMs = nowMs;
    loaded = true;
    logger.info({ alerts: alerts.size, events: events.length }, 'alerts loaded from their log');
  }

  /**
   * Writes run one at a time (the signal intake's too): refused unless this server holds the lease,
   * memory from an earlier term re-read first.
   */
  const serial = <T>(work: () => Promise<T>): Promise<T> =>
    queue(async () => {
      if (memory.stale()) await readLog(clock.now());
      return work();
    });

  /** The next version of an alert after a change of status. */
  function transitioned(current: Alert, to: AlertStatus, actor: string, atMs: number, note: string | null): Alert {
    const at = new Date(atMs).toISOString();
    return { ...current, status: to, version: current.version + 1, updatedAt: at, updatedBy: actor, note };
  }

  return {
    changes,
    serial,
    append,
    transitioned,
    explain: (alert: Alert, toMs: number) => explain(clickhouse, alert, toMs),
    get loaded() {
      return loaded;
    },
    /** every alert by id, as folded; read-only for the signal intake */
    all: (): ReadonlyMap<string, Alert> => alerts,
    lastSeenMs(alert: Alert): number {
      return lastSeenMs.get(alert.id) ?? Math.max(loadedAtMs, Date.parse(alert.updatedAt));
    },
    markSeen(id: string, atMs: number): void {
      lastSeenMs.set(id, atMs);
    },
    /** Folds the whole log into memory (at start, after the migrations). */
    load: (nowMs: number) => queue(() => readLog(nowMs)),
    /** On a standby: re-reads the log when it holds `size` events and was last read at another size. */
    follow: (size: number): Promise<void> =>
      queue(async () => {
        if (!loaded || size === followedSize) return;
        await readLog(clock.now());
        followedSize = size;
      }),
    list({ scope, status, from, to }: AlertListQuery): Alert[] {
      const fromMs = from ? Date.parse(from) : -Infinity;
      const toMs = to ? Date.parse(to) : Infinity;
      return [...alerts.values()]
        .filter((a) => scope === undefined || inScope(a, scope))
        .filter((a) => status === 'all' || (status === 'active' ? isActiveAlert(a.status) : a.status === status))
        .filter((a) => Date.parse(a.updatedAt) >= fromMs && Date.parse(a.openedAt) < toMs)
        .sort(newestMostSevere);
    },
    /** The wall's alerts part for a scope: its active alerts, most severe and newest first. */
    forScope: (scope: Scope): AlertSummary[] => wallAlerts(alerts.values(), scope),
    get: (id: string): Alert | undefined => alerts.get(id),
    logOf: (id: string): AlertLogEntry[] => logs.get(id) ?? [],
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
        const current = alerts.get(id);
        if (!current) return { outcome: 'not-found' };
        if (!mayTransition(action, current.status))
          return { outcome: 'refused', alert: current, allowed: allowedActions(current.status) };
        const made = before ? await before(current) : undefined;
        const { to, event } = ALERT_TRANSITIONS[action];
        const alert = transitioned(current, to, actor, nowMs, note);
        return { outcome: 'changed', alert: await append({ type: event, at: alert.updatedAt, actor, alert }), made };
      }),
  };
}

export type AlertRepository = ReturnType<typeof createAlertRepository>;
