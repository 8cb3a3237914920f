// Server configuration from the environment. Names are part of the contract (see README).
import path from 'node:path';
import type { IncidentClockConfig } from '@shared/incident-rules';
import { parseFrameAncestors } from './http/security-headers';
import type { LeaseTiming } from './ingest/writer-lease-view';
import { loadIncidentClocks } from './incidents/clock-config';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** set: talk to a ClickHouse server; unset: the embedded engine in dataDir/clickhouse */
  clickhouseUrl?: string;
  clickhouseUser?: string;
  clickhousePassword?: string;
  clickhouseDatabase?: string;
  tokensFile?: string;
  /** CALENDAR_FILE: the administrator's working-day calendar (docs/deadlines.md); unset: DATA_DIR/calendar-extra.json if present */
  calendarFile?: string;
  /** sockets one token may hold open on /wall at once; the next handshake is refused (too-many-sockets) */
  maxSocketsPerToken: number;
  /** messages a wall socket may send per second on average, and in one burst; beyond: rate-limited */
  socketMessagesPerS: number;
  socketMessageBurst: number;
  /** bytes queued for a wall socket that does not read before the server closes it (slow-reader) */
  socketMaxBufferBytes: number;
  tickMs: number;
  /** the longest one /api/v1/stats read may take, waiting for its turn included */
  statsTimeLimitMs: number;
  /** /api/v1/stats reads sent to ClickHouse at once; by default 1 embedded, 4 against a server */
  statsConcurrency?: number;
  /** /api/v1/stats reads that may wait for their turn; one more is answered 503 */
  statsQueueLimit: number;
  maxBodyBytes: number;
  /** cases in one POST /api/v1/cases; more is refused (413) before any of them is parsed */
  maxCasesPerRequest: number;
  /** worker threads that take request bodies apart (INGEST_THREADS; 0: the event loop does) */
  ingestThreads: number;
  /** how many validated cases the ingest gathers before one insert, and how long it waits for more */
  batchMaxCases: number;
  batchMaxWaitMs: number;
  /** directory of the boundary pack served at /geo/ */
  boundaryDir: string;
  /** CHROMIUM_PATH: the headless Chromium that prints analysis reports to PDF (absent: PDF answers 503) */
  chromiumPath: string;
  logLevel: string;
  /** FRAME_ANCESTORS: CSP frame-ancestors sources; 'none' (the default) forbids framing the wall */
  frameAncestors: string;
  /** WRITER_ID: this process's name in the writer lease; default host and DATA_DIR (one process owns a DATA_DIR) */
  writerId?: string;
  /** WRITER_LEASE_MS, WRITER_RENEW_MS, WRITER_SETTLE_MS: see server/ingest/writer-lease.ts */
  writerLease: LeaseTiming;
  /** INCIDENT_CLOCKS: response clocks per incident severity (defaults in shared/incident-rules.ts) */
  incidentClocks: IncidentClockConfig;
}

/** A non-negative number from the environment (the simulator reads its settings with it too). */
export function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${value}"`);
  return n;
}

function leaseTimingFrom(env: NodeJS.ProcessEnv): LeaseTiming {
  const timing = {
    leaseMs: intFrom(env.WRITER_LEASE_MS, 20_000, 'WRITER_LEASE_MS'),
    renewMs: intFrom(env.WRITER_RENEW_MS, 5_000, 'WRITER_RENEW_MS'),
    settleMs: intFrom(env.WRITER_SETTLE_MS, 1_000, 'WRITER_SETTLE_MS'),
  };
  // the holder must outlive a missed renewal, and its validity (lease - renew) must cover one period
  if (timing.leaseMs <= 2 * timing.renewMs)
    throw new Error(`WRITER_LEASE_MS (${timing.leaseMs}) must be more than twice WRITER_RENEW_MS (${timing.renewMs})`);
  return timing;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const root = path.resolve(import.meta.dirname, '..');
  return {
    port: intFrom(env.PORT, 12315, 'PORT'),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(env.DATA_DIR || path.join(root, 'data')),
    clickhouseUrl: env.CLICKHOUSE_URL || undefined,
    clickhouseUser: env.CLICKHOUSE_USER || undefined,
    clickhousePassword: env.CLICKHOUSE_PASSWORD || undefined,
    clickhouseDatabase: env.CLICKHOUSE_DATABASE || undefined,
    tokensFile: env.TOKENS_FILE || undefined,
    calendarFile: env.CALENDAR_FILE ? path.resolve(env.CALENDAR_FILE) : undefined,
    maxSocketsPerToken: intFrom(env.MAX_SOCKETS_PER_TOKEN, 50, 'MAX_SOCKETS_PER_TOKEN'),
    socketMessagesPerS: intFrom(env.SOCKET_MESSAGES_PER_S, 10, 'SOCKET_MESSAGES_PER_S'),
    socketMessageBurst: intFrom(env.SOCKET_MESSAGE_BURST, 20, 'SOCKET_MESSAGE_BURST'),
    socketMaxBufferBytes: intFrom(env.SOCKET_MAX_BUFFER_BYTES, 4 * 1024 * 1024, 'SOCKET_MAX_BUFFER_BYTES'),
    tickMs: intFrom(env.TICK_MS, 1000, 'TICK_MS'),
    statsTimeLimitMs: intFrom(env.STATS_TIME_LIMIT_MS, 10_000, 'STATS_TIME_LIMIT_MS'),
    statsConcurrency: env.STATS_CONCURRENCY
      ? Math.max(1, intFrom(env.STATS_CONCURRENCY, 1, 'STATS_CONCURRENCY'))
      : undefined,
    statsQueueLimit: intFrom(env.STATS_QUEUE_LIMIT, 32, 'STATS_QUEUE_LIMIT'),
    maxBodyBytes: intFrom(env.MAX_BODY_BYTES, 10 * 1024 * 1024, 'MAX_BODY_BYTES'),
    maxCasesPerRequest: intFrom(env.MAX_CASES_PER_REQUEST, 10_000, 'MAX_CASES_PER_REQUEST'),
    ingestThreads: intFrom(env.INGEST_THREADS, 1, 'INGEST_THREADS'),
    batchMaxCases: intFrom(env.BATCH_MAX_CASES, 20_000, 'BATCH_MAX_CASES'),
    batchMaxWaitMs: intFrom(env.BATCH_MAX_WAIT_MS, 10, 'BATCH_MAX_WAIT_MS'),
    boundaryDir: path.resolve(env.BOUNDARY_DIR || path.join(root, 'public', 'geo')),
    chromiumPath: env.CHROMIUM_PATH || '/usr/bin/chromium',
    logLevel: env.LOG_LEVEL || 'info',
    frameAncestors: parseFrameAncestors(env.FRAME_ANCESTORS),
    writerId: env.WRITER_ID || undefined,
    writerLease: leaseTimingFrom(env),
    incidentClocks: loadIncidentClocks(env.INCIDENT_CLOCKS),
  };
}
