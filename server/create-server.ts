// Builds the whole server from its parts; nothing starts on import. Tests call this with a
// temporary DATA_DIR, port 0 and, where time matters, their own clock.
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Server as SocketServer } from 'socket.io';
import { setActiveCalendar } from '@shared/calendar';
import { loadCalendar } from '@shared/calendar/calendar-file';
import { createAlertsDomain } from './alerts/alerts-domain';
import { alertRoutes } from './alerts/routes';
import { loadTokens } from './auth/tokens';
import { createClickHouse, type ClickHouse } from './clickhouse/client';
import { migrate } from './clickhouse/migrate';
import { systemClock, type Clock } from './clock';
import type { ServerConfig } from './config';
import { opsRoutes, type HealthState } from './http/ops-routes';
import { apiNotFound } from './http/api-not-found';
import { httpMetrics } from './http/http-metrics';
import { securityHeaderValues, securityHeaders } from './http/security-headers';
import { staticRoutes } from './http/static-routes';
import { statsRoutes } from './http/stats-routes';
import { caseRoutes } from './cases/case-routes';
import { createCaseWriter } from './ingest/case-writer';
import { openInsertJournal } from './ingest/insert-journal';
import { createIngestQueue } from './ingest/ingest-queue';
import { createIngestThreads } from './ingest/ingest-threads';
import { MAX_CASE_CHARS } from './ingest/take-cases';
import { ingestRoutes } from './ingest/routes';
import { loadTermSegmenter } from './ingest/term-segmenter';
import { recomputeDeadlines } from './deadlines/recompute-deadlines';
import { createJobScheduler } from './jobs/scheduler';
import { registerDetectors, type SignalSink } from './alerts/detectors/register-detectors';
import { backtestRoutes } from './alerts/backtest-routes';
import { registerIncidentMetrics } from './incidents/incident-metrics';
import { createIncidentRepository } from './incidents/repository';
import { incidentRoutes } from './incidents/routes';
import { createNoticeRepository } from './notices/repository';
import { reportRoutes } from './reports/routes';
import { noticeRoutes } from './notices/routes';
import { openInsertLog } from './ingest/insert-log';
import { openSpool } from './ingest/spool';
import { createWriterLease } from './ingest/writer-lease';
import { createWriteFence } from './ingest/writer-lease-fence';
import { standbyFollowJob } from './ingest/writer-lease-standby';
import { attachWall, type WallServer } from './live/attach-wall';
import { WALL_MAX_MESSAGE_BYTES } from './live/socket-limits';
import { createLogger, type Logger } from './ops/logger';
import { createMetrics } from './ops/metrics';
import { createPanelsAtSource } from './replay/create-panels-at-source';
import type { PanelsAtSource } from './replay/panels-at';
import { openCheckpointJob } from './replay/open-checkpoint-job';
import { createWallRepository } from './walls/repository';
import { wallRoutes } from './walls/routes';
import { WallGroups } from './walls/wall-groups';
import { createWallMetrics } from './walls/wall-metrics';

export interface CreateServerOptions {
  config: ServerConfig;
  clock?: Clock;
  logger?: Logger;
  /** an already open ClickHouse (benchmarks share one); by default opened from config */
  clickhouse?: ClickHouse;
  /** where the detectors' signals go; by default the alerts domain's ingestSignals (tests may listen instead) */
  onSignals?: SignalSink;
  /** the wall as of a past moment, for frozen and replaying wall groups; by default createPanelsAtSource */
  panelsAt?: PanelsAtSource;
}

/**
 * Rows in one insert from the insert log at most, and what the log holds before requests wait for
 * ClickHouse: inserts of 50,000-100,000 rows cost about half a row of those of 10,000.
 */
const INSERT_LOG_SEGMENT_ROWS = 100_000;

export function createServer({
  config,
  clock = systemClock,
  logger = createLogger(config.logLevel),
  ...options
}: CreateServerOptions) {
  const metrics = createMetrics();
  // before anything computes a deadline: the shipped years plus the administrator's (an invalid
  // file stops the start here, every problem listed)
  const calendar = loadCalendar({ calendarFile: config.calendarFile, dataDir: config.dataDir });
  setActiveCalendar(calendar.calendar);
  if (calendar.file) logger.info({ file: calendar.file, years: calendar.addedYears }, 'calendar years added');
  const clickhouse =
    options.clickhouse ??
    createClickHouse({
      dataDir: config.dataDir,
      url: config.clickhouseUrl,
      user: config.clickhouseUser,
      password: config.clickhousePassword,
      database: config.clickhouseDatabase,
      metrics,
      adhocLane: {
        queueLimit: config.statsQueueLimit,
        ...(config.statsConcurrency ? { concurrency: config.statsConcurrency } : {}),
      },
    });
  const tokens = loadTokens({ tokensFile: config.tokensFile, dataDir: config.dataDir, logger });
  const spool = openSpool(config.dataDir, {
    onUnreadable: (lines) => metrics.spoolUnreadableLines.inc(lines),
    onIoError: (operation) => metrics.spoolIoErrors.inc({ operation }),
  });
  // only the writer-lease holder writes (or replays the spool); each time it becomes the writer its
  // head cache starts empty, since another writer may have stored cases meanwhile
  const insertJournal = openInsertJournal(path.join(config.dataDir, 'spool'));
  const newCaseWriter = () =>
    createCaseWriter(clickhouse, {
      journal: insertJournal,
      onJournalDropped: (reason, rows) =>
        logger.error({ err: reason, rows }, 'ClickHouse refuses the unconfirmed insert it is offered again: given up'),
    });
  let caseWriter = newCaseWriter();
  const lease = createWriterLease({
    clickhouse,
    holderId: config.writerId ?? `${os.hostname()}:${config.dataDir}`,
    timing: config.writerLease,
    logger,
    registry: metrics.registry,
    onAcquired: () => {
      caseWriter = newCaseWriter();
      if (health.migrated) void queue.replayNow().then(recomputeStoredDeadlines);
    },
  });
  const notWriter = () => Promise.reject(new Error('not the writer-lease holder'));
  const queue = createIngestQueue({
    writer: {
      write: (versions) => (lease.isWriter() ? caseWriter.write(versions) : notWriter()),
      recover: () => (lease.isWriter() ? caseWriter.recover() : Promise.resolve()),
      prepare: (versions) => (lease.isWriter() ? caseWriter.prepare(versions) : notWriter()),
      forget: (versions) => caseWriter.forget(versions),
      needsLookUp: (versions) => caseWriter.needsLookUp(versions),
    },
    insertLog: {
      log: openInsertLog(path.join(config.dataDir, 'spool', 'inserts'), {
        maxSegmentRows: INSERT_LOG_SEGMENT_ROWS,
        maxMemoryRows: 2 * INSERT_LOG_SEGMENT_ROWS,
        onUnreadable: (records) => metrics.spoolUnreadableLines.inc(records),
      }),
      insert: (encoded, token) =>
        lease.isWriter() ? clickhouse.insertEncoded('case_versions', encoded, { dedupToken: token }) : notWriter(),
      maxPendingRows: INSERT_LOG_SEGMENT_ROWS,
    },
    spool,
    // not the writer counts as unreachable: the cases are spooled, for this server to store once it holds the lease
    isReachable: async () => lease.isWriter() && (await clickhouse.ping()),
    metrics,
    logger,
    maxCases: config.batchMaxCases,
    maxWaitMs: config.batchMaxWaitMs,
  });
  const ingestThreads = createIngestThreads({
    threads: config.ingestThreads,
    limits: { maxCases: config.maxCasesPerRequest, maxCaseChars: MAX_CASE_CHARS },
    calendar: { calendarFile: config.calendarFile, dataDir: config.dataDir },
    logger,
  });
  const health: HealthState = { migrated: false, startedAtMs: Date.now() };
  // features register their jobs here; they run from the first successful migration, walls or not
  const jobs = createJobScheduler({ clock, metrics, logger });
  // every write domain appends only while this server holds the writer lease (503 otherwise)
  const fence = createWriteFence(lease, Math.ceil(config.writerLease.renewMs / 1000));
  const notices = createNoticeRepository({ clickhouse, logger, fence });
  const incidents = createIncidentRepository({ clickhouse, logger, clock, clocks: config.incidentClocks, fence });
  registerIncidentMetrics(metrics.registry, incidents, clock);
  const alerts = createAlertsDomain({ clickhouse, logger, clock, jobs, mayWrite: () => lease.isWriter(), fence });
  // the detectors' signals become alerts where this server writes (a standby's would be logged twice)
  const raiseAlerts: SignalSink = async (signals, atMs) => {
    if (alerts.repository.loaded && lease.isWriter()) await alerts.ingestSignals(signals, atMs);
  };
  registerDetectors({ jobs, clickhouse, clock }, options.onSignals ?? raiseAlerts);
  // a standby's walls show what the writer changes: it re-reads a log whose size moved
  // wall groups: each group's mode (live, frozen, replay), kept in its log so a restart keeps it
  const wallRepository = createWallRepository({ clickhouse, logger, clock, tickMs: config.tickMs, fence });
  const panelsAt =
    options.panelsAt ?? createPanelsAtSource({ clickhouse, clock, incidentClocks: config.incidentClocks, logger });
  // checkpoints of the open cases at whole hours, so a replay's open and overdue need not read back to now
  jobs.register(openCheckpointJob({ clickhouse, clock, logger, mayWrite: () => lease.isWriter() }));
  const wallGroups = new WallGroups({
    repository: wallRepository,
    source: panelsAt,
    clock,
    tickMs: config.tickMs,
    logger,
    metrics: createWallMetrics(metrics.registry),
  });
  // a standby's walls show what the writer changes: it re-reads a log whose size moved
  jobs.register(
    standbyFollowJob({
      clickhouse,
      lease,
      logs: { notices, incidents, alerts: alerts.repository, walls: wallRepository },
    }),
  );

  const app = express();
  app.disable('x-powered-by');
  app.use(httpMetrics(metrics));
  app.use(securityHeaders(config.frameAncestors));
  app.use(
    opsRoutes({
      clickhouse,
      metrics,
      spool,
      loggedCases: queue.loggedRows,
      health,
      lease,
      calendar: calendar.calendar,
      clock,
    }),
  );
  app.use(
    ingestRoutes({
      tokens,
      queue,
      metrics,
      threads: ingestThreads,
      maxBodyBytes: config.maxBodyBytes,
      clock,
      lease,
      retryAfterSeconds: Math.ceil(config.writerLease.renewMs / 1000),
    }),
  );
  app.use(statsRoutes({ tokens, clickhouse, timeLimitMs: config.statsTimeLimitMs }));
  app.use(noticeRoutes({ tokens, notices, clock }));
  app.use(backtestRoutes({ tokens, clickhouse, stepTimeLimitMs: config.statsTimeLimitMs }));
  app.use(incidentRoutes({ tokens, incidents }));
  app.use(caseRoutes({ tokens, clickhouse, clock }));
  app.use(alertRoutes({ tokens, alerts: alerts.repository, incidents, clock }));
  app.use(
    reportRoutes({
      tokens,
      clickhouse,
      alerts: alerts.repository,
      incidents,
      clock,
      // a report is a dozen statistics reads (three windows): three times one read's limit in all
      timeLimitMs: 3 * config.statsTimeLimitMs,
      chromiumPath: config.chromiumPath,
      pdfTimeLimitMs: 30_000,
    }),
  );
  app.use(wallRoutes({ tokens, repository: wallRepository, groups: wallGroups, source: panelsAt, clock }));
  app.use('/api', apiNotFound(app));
  app.use(staticRoutes(config.boundaryDir));
  app.use((error: Error & { status?: number; type?: string }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.type === 'entity.too.large') {
      res.status(413).json({ error: `body over the limit of ${config.maxBodyBytes} bytes` });
      return;
    }
    if (error.status && error.status < 500) {
      res.status(error.status).json({ error: error.message });
      return;
    }
    logger.error({ err: error }, 'request failed');
    res.status(500).json({ error: 'internal error' });
  });

  const httpServer = http.createServer(app);
  const io: WallServer = new SocketServer(httpServer, {
    serveClient: false,
    cors: { origin: false },
    maxHttpBufferSize: WALL_MAX_MESSAGE_BYTES,
  });
  // Socket.IO answers its own requests, before Express: the same headers there
  io.engine.on('headers', (headers: Record<string, string>) =>
    Object.assign(headers, securityHeaderValues(config.frameAncestors)),
  );
  const wall = attachWall({
    io,
    clickhouse,
    clock,
    config,
    metrics,
    logger,
    tokens,
    memoryParts: (scope, nowMs) => ({
      incidents: incidents.forWall(scope, nowMs),
      alerts: alerts.repository.forScope(scope),
    }),
    groups: wallGroups,
  });

  let migrationTimer: NodeJS.Timeout | undefined;
  let stopping = false;

  /**
   * Brings stored deadlines up to the calendar loaded (docs/deadlines.md). After the spool replay, so
   * the heads rewritten are the newest; only on the writer (a standby does it when it takes over);
   * a failure is logged and retried at the next start. Servers sharing a store share the calendar file.
   */
  async function recomputeStoredDeadlines(): Promise<void> {
    if (!lease.isWriter()) return;
    await recomputeDeadlines({ clickhouse, queue, years: calendar.years, calendar: calendar.calendar, logger }).catch(
      (error: Error) => logger.error({ err: error.message }, 'deadlines not recomputed for the calendar'),
    );
  }

  /** Applies migrations, retrying while ClickHouse is unreachable; the ingest spools meanwhile. */
  async function prepareStore(): Promise<void> {
    try {
      const applied = await migrate(clickhouse);
      if (applied.length > 0) logger.info({ applied }, 'migrations applied');
      await notices.load();
      // healthy only once the lease's first round says writer or standby (a lone server is the writer)
      await lease.start();
      await incidents.load();
      await alerts.repository.load();
      await wallRepository.load();
      wallGroups.restore();
      // the cases a stopped process acknowledged in the insert log are in the store before it says ready
      if (!(await queue.drainLog())) logger.warn({ rows: queue.loggedRows() }, 'insert log not drained at start');
      health.migrated = true;
      if (!stopping) jobs.start();
      await queue.replayNow();
      await recomputeStoredDeadlines();
    } catch (error) {
      logger.warn({ err: (error as Error).message }, 'ClickHouse not ready; retrying migrations in 2 s');
      if (!stopping) migrationTimer = setTimeout(() => void prepareStore(), 2000);
    }
  }

  return {
    app,
    httpServer,
    io,
    clickhouse,
    tokens,
    metrics,
    queue,
    health,
    jobs,
    /** wall notices; `notices.changes` is the stream of their changes */
    notices,
    lease,
    /** emergency incidents; `incidents.changes` is the stream of their changes, `createFromAlert` escalates an alert */
    incidents,
    /** hot-issue alerts: `alerts.ingestSignals(signals, atMs)` for the detectors, `alerts.changes` the stream */
    alerts,
    /** wall groups: `walls.repository` their stored modes, `walls.groups` their tiles and streams */
    walls: { repository: wallRepository, groups: wallGroups },
    logger,
    /** Listens, then prepares the store in the background; resolves with the bound port. */
    async start(): Promise<{ port: number; ready: Promise<void> }> {
      // a fraction of a second of dictionary building, before the first request rather than inside it:
      // in the ingest threads, and here too (about 36 MB) even with threads, for a thread that dies and
      // for versions stored without terms (spooled by an older version, or queued by the server itself)
      loadTermSegmenter();
      ingestThreads.warm();
      await new Promise<void>((resolve) => httpServer.listen(config.port, config.host, resolve));
      const ready = prepareStore();
      wall.start();
      return { port: (httpServer.address() as AddressInfo).port, ready };
    },
    /** Graceful stop: no new connections, pending batches flushed, ClickHouse closed. */
    async stop(): Promise<void> {
      stopping = true;
      if (migrationTimer) clearTimeout(migrationTimer);
      tokens.close();
      // running jobs are aborted now and awaited (bounded) before the store they use closes
      const jobsStopped = jobs.stop();
      // every namespace's sockets told goodbye now, so none holds the HTTP server open until the timeout
      wall.stop();
      io.disconnectSockets(true);
      // no new connections; requests already in flight get their reply once their batch is durable
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      await jobsStopped;
      await queue.close();
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 5000))]);
      httpServer.closeAllConnections();
      // still the writer for requests whose bodies arrived while closing; only then the lease goes
      await queue.close();
      await lease.stop({ release: true });
      await ingestThreads.close();
      metrics.stop();
      if (!options.clickhouse) await clickhouse.close();
    },
  };
}

export type CommandWallServer = ReturnType<typeof createServer>;
