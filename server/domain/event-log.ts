// Reading a write domain's whole event log at start: every row through the domain's `fromRow`, in
// the order the query gives (by id, then version). A row this version cannot read (written by a
// newer one) is logged and skipped: it must not keep the server from starting.
import type { Logger } from 'pino';
import type { ClickHouse } from '../clickhouse/client';
import { runQuery, type Query } from '../clickhouse/define-query';

export async function readEventLog<Row, Event>(
  clickhouse: ClickHouse,
  log: Query<void, Row, Row[]>,
  fromRow: (row: Row) => Event,
  logger: Logger,
): Promise<Event[]> {
  const rows = await runQuery(clickhouse, log, undefined);
  const events: Event[] = [];
  for (const row of rows) {
    try {
      events.push(fromRow(row));
    } catch (error) {
      logger.warn({ log: log.name, err: (error as Error).message }, 'event log row skipped');
    }
  }
  return events;
}

/** Logs what in a folded log did not add up (a gap, a repeated version). */
export function reportAnomalies(domain: string, anomalies: readonly string[], logger: Logger): void {
  for (const anomaly of anomalies) logger.warn({ domain, anomaly }, 'event log does not add up');
}

/**
 * Folds events into `state` through the domain's `apply`, in order; returns the state and what did
 * not add up. Start-up, a standby's re-read and a replay up to a moment all fold through this.
 */
export function foldEvents<Event, State>(
  events: Iterable<Event>,
  state: State,
  apply: (state: State, event: Event) => string | undefined,
): { state: State; anomalies: string[] } {
  const anomalies: string[] = [];
  for (const event of events) {
    const anomaly = apply(state, event);
    if (anomaly) anomalies.push(anomaly);
  }
  return { state, anomalies };
}
