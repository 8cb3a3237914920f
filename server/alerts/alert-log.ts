// The alert log's rows and the one function that applies an event to the current alerts. Start-up
// folds the whole log through applyAlertEvent, and every write applies its new event through it
// too, so the alerts in memory are always what the log reproduces.
import { ALERT_EVENT_TYPES, type Alert, type AlertLogEntry } from '@shared/alerts';
import { toDateTime64 } from '../clickhouse/datetime';
import { applyVersioned } from '../domain/versioned-state';
import type { AlertEvent } from './events';

/** A row of alert_events as inserted (times as ClickHouse DateTime64 text). */
export interface AlertEventInsert {
  alert_id: string;
  version: number;
  event: string;
  at: string;
  actor: string;
  note: string | null;
  status: string;
  severity: string;
  kinds: string[];
  region_code: string;
  region_codes: string[];
  opened_at: string;
  state: string;
}

/** A row as server/queries/alerts/alert-events.sql reads it (64-bit numbers may arrive as strings). */
export interface AlertEventRow {
  alert_id: string;
  version: number | string;
  event: string;
  at_ms: number | string;
  actor: string;
  note: string | null;
  state: string;
}

export function toInsert({ type, at, actor, alert }: AlertEvent): AlertEventInsert {
  return {
    alert_id: alert.id,
    version: alert.version,
    event: type,
    at: toDateTime64(Date.parse(at)),
    actor,
    note: alert.note,
    status: alert.status,
    severity: alert.severity,
    kinds: alert.kinds,
    region_code: alert.regionCode,
    region_codes: alert.regionCodes,
    opened_at: toDateTime64(Date.parse(alert.openedAt)),
    state: JSON.stringify(alert),
  };
}

export function fromRow(row: AlertEventRow): AlertEvent {
  const type = ALERT_EVENT_TYPES.find((t) => t === row.event);
  if (!type) throw new Error(`alert ${row.alert_id} v${row.version}: unknown event "${row.event}"`);
  const alert = JSON.parse(row.state) as Alert;
  if (alert.id !== row.alert_id || alert.version !== Number(row.version))
    throw new Error(`alert ${row.alert_id} v${row.version}: its state is of ${alert.id} v${alert.version}`);
  return { type, at: new Date(Number(row.at_ms)).toISOString(), actor: row.actor, alert };
}

export function logEntryOf({ type, at, actor, alert }: AlertEvent): AlertLogEntry {
  return { version: alert.version, type, at, actor, status: alert.status, severity: alert.severity, note: alert.note };
}

/** Applies one event to the alerts by id (server/domain/versioned-state.ts: what a gap or a repeat does). */
export function applyAlertEvent(alerts: Map<string, Alert>, event: AlertEvent): string | undefined {
  return applyVersioned(alerts, event.alert, { type: event.type, isFirst: event.type === 'opened' }, 'alert');
}

/** The alerts by id and each alert's log, as folded from the log. */
export interface AlertState {
  alerts: Map<string, Alert>;
  logs: Map<string, AlertLogEntry[]>;
}

export const emptyAlertState = (): AlertState => ({ alerts: new Map(), logs: new Map() });

/** Applies one event to the alerts and their logs; returns what did not add up. */
export function applyAlertLogEvent(state: AlertState, event: AlertEvent): string | undefined {
  const anomaly = applyAlertEvent(state.alerts, event);
  // a repeated version is ignored; a gap still takes the newer state, and so its log line
  if (state.alerts.get(event.alert.id) === event.alert) appendLog(state.logs, event);
  return anomaly;
}

/** The current alerts from the whole log, each alert's log, and what in it did not add up. */
export function foldAlertLog(events: Iterable<AlertEvent>): AlertState & { anomalies: string[] } {
  const state = emptyAlertState();
  const anomalies: string[] = [];
  for (const event of events) {
    const anomaly = applyAlertLogEvent(state, event);
    if (anomaly) anomalies.push(anomaly);
  }
  return { ...state, anomalies };
}

export function appendLog(logs: Map<string, AlertLogEntry[]>, event: AlertEvent): void {
  const log = logs.get(event.alert.id) ?? [];
  log.push(logEntryOf(event));
  logs.set(event.alert.id, log);
}
