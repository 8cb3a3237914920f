// Prometheus metrics, one registry per server instance (tests start several servers in a process).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'commandwall_process_' });
  const eventLoopDelay = monitorEventLoopDelay({ resolution: 10 });
  eventLoopDelay.enable();

  const metrics = {
    registry,
    casesAccepted: new Counter({
      name: 'commandwall_cases_accepted_total',
      help: 'Case versions accepted by the ingest API',
      registers: [registry],
    }),
    casesRejected: new Counter({
      name: 'commandwall_cases_rejected_total',
      help: 'Case versions rejected by validation or refused at storing',
      registers: [registry],
    }),
    casesSpooled: new Counter({
      name: 'commandwall_cases_spooled_total',
      help: 'Case versions written to the disk spool because ClickHouse could not be reached',
      registers: [registry],
    }),
    casesDuplicate: new Counter({
      name: 'commandwall_cases_duplicate_total',
      help: 'Case versions skipped because the same id and updatedAt was already stored',
      registers: [registry],
    }),
    spoolSetAside: new Counter({
      name: 'commandwall_spool_set_aside_cases_total',
      help: 'Spooled case versions ClickHouse refused while answering, moved to spool/rejected.ndjson',
      registers: [registry],
    }),
    spoolUnreadableLines: new Counter({
      name: 'commandwall_spool_unreadable_lines_total',
      help: 'Unreadable spool lines (torn writes, corruption) moved aside to spool/unreadable.ndjson',
      registers: [registry],
    }),
    spoolIoErrors: new Counter({
      name: 'commandwall_spool_io_errors_total',
      help: 'Spool disk errors (full, read-only, I/O) by operation',
      labelNames: ['operation'],
      registers: [registry],
    }),
    insertLogPending: new Gauge({
      name: 'commandwall_insert_log_pending_cases',
      help: 'Accepted case versions fsynced in the insert log and not yet inserted into ClickHouse',
      registers: [registry],
    }),
    spoolPending: new Gauge({
      name: 'commandwall_spool_pending_cases',
      help: 'Case versions in the spool waiting for ClickHouse',
      registers: [registry],
    }),
    clickhouseQueries: new Counter({
      name: 'commandwall_clickhouse_queries_total',
      help: 'Queries, commands and inserts sent to ClickHouse',
      labelNames: ['query'],
      registers: [registry],
    }),
    clickhouseQueryDuration: new Histogram({
      name: 'commandwall_clickhouse_query_duration_seconds',
      help: 'ClickHouse round-trip time',
      labelNames: ['query', 'outcome'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    httpDuration: new Histogram({
      name: 'commandwall_http_request_duration_seconds',
      help: 'HTTP request latency',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    tickDuration: new Histogram({
      name: 'commandwall_tick_duration_seconds',
      help: 'Time to compute one scope for one tick',
      labelNames: ['level'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    ticksSkipped: new Counter({
      name: 'commandwall_ticks_skipped_total',
      help: 'Ticks skipped because the previous one was still running',
      registers: [registry],
    }),
    socketClients: new Gauge({
      name: 'commandwall_socket_clients',
      help: 'Connected wall sockets',
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'commandwall_job_duration_seconds',
      help: 'Time of one run of a scheduled job, failed runs included',
      labelNames: ['job'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers: [registry],
    }),
    jobFailures: new Counter({
      name: 'commandwall_job_failures_total',
      help: 'Runs of a scheduled job that threw',
      labelNames: ['job'],
      registers: [registry],
    }),
    jobSkipped: new Counter({
      name: 'commandwall_job_skipped_total',
      help: 'Ticks of a scheduled job skipped because its previous run was still going',
      labelNames: ['job'],
      registers: [registry],
    }),
    socketRefused: new Counter({
      name: 'commandwall_socket_refused_total',
      help: 'Wall handshakes refused, by error code',
      labelNames: ['code'],
      registers: [registry],
    }),
    socketClosedByServer: new Counter({
      name: 'commandwall_socket_closed_by_server_total',
      help: 'Wall sockets the server closed (token revoked, role changed, slow reader, abuse), by reason',
      labelNames: ['reason'],
      registers: [registry],
    }),
    eventLoopLag: new Gauge({
      name: 'commandwall_event_loop_lag_seconds',
      help: 'Event-loop delay percentiles since the last scrape',
      labelNames: ['quantile'],
      registers: [registry],
      collect() {
        this.set({ quantile: '0.5' }, eventLoopDelay.percentile(50) / 1e9);
        this.set({ quantile: '0.99' }, eventLoopDelay.percentile(99) / 1e9);
        this.set({ quantile: 'max' }, eventLoopDelay.max / 1e9);
        eventLoopDelay.reset();
      },
    }),
    stop() {
      eventLoopDelay.disable();
    },
  };
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;
