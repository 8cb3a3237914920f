// computePanelsAt: the whole wall of a scope as of a past moment, through the live wall's own
// assembler (server/live/assemble-panels.ts) fed by the replay query modules (server/queries/replay/),
// which answer in the live queries' shapes from the tables of migration 0080 and from case_versions.
// Alerts and incidents are their append-only logs folded up to the moment, by the domains' folds.
import type { Logger } from 'pino';
import { TERMINAL_STATUSES } from '@shared/codes';
import type { IncidentClockConfig } from '@shared/incident-rules';
import type { Scope } from '@shared/regions';
import type { FeedResult } from '../queries/feed/wall-feed';
import type { PartName } from '@shared/wall-events';
import { HOUR_MS } from '@shared/time';
import type { Alert } from '@shared/alerts';
import type { ClickHouse, QueryOptions } from '../clickhouse/client';
import { runQuery } from '../clickhouse/define-query';
import type { Clock } from '../clock';
import { fromRow as alertFromRow, foldAlertLog } from '../alerts/alert-log';
import { wallAlerts } from '../alerts/alert-views';
import { foldIncidentLog, fromRow as incidentFromRow } from '../incidents/incident-log';
import { wallIncidents } from '../incidents/present';
import { PART_SOURCES, assemblePanels } from '../live/assemble-panels';
import { LATEST_CASES, TOP_PARTIES, URGENT_CASES } from '../live/tick-queries';
import {
  FEED_WINDOW_MS,
  HEAT_BIN_DEGREES,
  HEAT_MAX_POINTS,
  HEAT_WINDOW_MS,
  URGENT_WINDOW_MS,
  scopeParams,
} from '../live/tick-window';
import { feedAt } from '../queries/replay/feed-at';
import { heatAt } from '../queries/replay/heat-at';
import { historyAt } from '../queries/replay/history-at';
import { oldestCase } from '../queries/replay/history-bounds';
import { intakeAt } from '../queries/replay/intake-at';
import { alertEventsUntil, incidentEventsUntil } from '../queries/replay/log-until';
import { partiesAt } from '../queries/replay/parties-at';
import { summariesAt } from '../queries/replay/summaries-at';
import type { PanelsAt, PanelsAtSource } from './panels-at';
import { createWorkloadAt, type OpenPaths } from './workload-at';
import { comparisonSpans, notKeptAt, replayTimes, type ReplayTimes } from './replay-times';

export interface PanelsAtDeps {
  clickhouse: ClickHouse;
  clock: Clock;
  /** the incidents' response clocks (config.incidentClocks), for the clocks shown as of the moment */
  incidentClocks: IncidentClockConfig;
  logger?: Logger;
  /** the lane replay reads go through; by default the live one (a frozen or replaying wall is a wall) */
  queryOptions?: QueryOptions;
  /** read open cases at whole hours from their checkpoints when valid (migration 0100); default true */
  useCheckpoints?: boolean;
}

const PARTS = Object.keys(PART_SOURCES) as PartName[];
/** The latest cases are looked for this far back, in turn (the last: the live feed's whole window). */
const LATEST_FIRST_WINDOWS_MS = [HOUR_MS, 8 * HOUR_MS, FEED_WINDOW_MS];

/** Folds rows of a log through a domain's fromRow; a row this version cannot read is skipped. */
function readRows<Row, Event>(rows: Row[], fromRow: (row: Row) => Event, logger?: Logger): Event[] {
  const events: Event[] = [];
  for (const row of rows) {
    try {
      events.push(fromRow(row));
    } catch (error) {
      logger?.warn({ err: (error as Error).message }, 'replay: event log row skipped');
    }
  }
  return events;
}

/** The source, and its reads by part for one moment (bench/replay-queries.ts times them one by one). */
export interface PanelsAtSourceWithReads extends PanelsAtSource {
  readsAt(scope: Scope, t: ReplayTimes): Record<string, () => Promise<unknown>>;
  /** how the open cases were read so far: from a checkpoint or from the spells */
  openPaths: OpenPaths;
}

export function createPanelsAtSource(deps: PanelsAtDeps): PanelsAtSourceWithReads {
  const { clickhouse: ch, queryOptions: options } = deps;
  const workload = createWorkloadAt(ch, options);

  async function alertsAt(scope: Scope, atMs: number) {
    const rows = await runQuery(ch, alertEventsUntil, { toMs: atMs }, options);
    const alerts: Map<string, Alert> = foldAlertLog(readRows(rows, alertFromRow, deps.logger)).alerts;
    return wallAlerts(alerts.values(), scope);
  }

  async function incidentsAt(scope: Scope, atMs: number) {
    const rows = await runQuery(ch, incidentEventsUntil, { toMs: atMs }, options);
    const { state } = foldIncidentLog(readRows(rows, incidentFromRow, deps.logger));
    return wallIncidents(state.incidents.values(), scope, deps.incidentClocks, atMs);
  }

  /**
   * The feed at atMs, then the summaries of the cases it shows (looked up by id). The latest cases
   * are looked for in the last hour first, then the last 8 hours, then the feed's whole window: when
   * a window holds enough of them, the newest are all there (a province has a thirtieth of the
   * nation's cases: an hour may hold too few, the whole two days cost several times more to read).
   */
  async function feedWithSummaries(input: Parameters<typeof feedAt.params>[0]): Promise<FeedResult> {
    let feed: FeedResult | undefined;
    for (const windowMs of LATEST_FIRST_WINDOWS_MS) {
      const latestFromMs = Math.max(input.latestFromMs, input.toMs - windowMs);
      feed = await runQuery(ch, feedAt, { ...input, latestFromMs }, options);
      if (feed.latestCases.length >= input.latestLimit || latestFromMs === input.latestFromMs) break;
    }
    feed ??= await runQuery(ch, feedAt, input, options);
    const shown = [...feed.latestCases, ...feed.urgentCases];
    if (shown.length === 0) return feed;
    const ids = [...new Set(shown.map((c) => c.id))];
    const summaries = await runQuery(
      ch,
      summariesAt,
      { ids, fromMs: input.latestFromMs, toMs: input.toMs, atMs: input.atMs },
      options,
    );
    for (const c of shown) c.summary = summaries.get(c.id) ?? '';
    return feed;
  }

  /** The reads one moment needs, by part, each a thunk: computePanelsAt runs them at once, a bench one by one. */
  function readsAt(scope: Scope, t: ReplayTimes) {
    const p = scopeParams(scope);
    const at = { resolution: t.resolution, atMs: t.atMs };
    return {
      intake: () => runQuery(ch, intakeAt, { ...p, ...at, ...t }, options),
      history: () => runQuery(ch, historyAt, { ...p, ...at, ...comparisonSpans(t) }, options),
      workload: () =>
        workload.workloadAt(
          {
            ...p,
            atMs: t.atMs,
            hourNowMs: t.hourNowMs,
            dueSoonByMs: t.dueSoonByMs,
            closedFromMs: t.closedFromMs,
            recoveredFromMs: t.todayFromMs,
          },
          deps.useCheckpoints ?? true,
        ),
      feed: () =>
        feedWithSummaries({
          ...p,
          atMs: t.atMs,
          latestFromMs: t.atMs - FEED_WINDOW_MS,
          urgentFromMs: t.atMs - URGENT_WINDOW_MS,
          toMs: t.atMs,
          latestLimit: LATEST_CASES,
          urgentLimit: URGENT_CASES,
          terminalStatuses: TERMINAL_STATUSES,
        }),
      heat: () =>
        runQuery(
          ch,
          heatAt,
          {
            ...p,
            atMs: t.atMs,
            fromMs: t.atMs - HEAT_WINDOW_MS,
            toMs: t.atMs,
            binDegrees: HEAT_BIN_DEGREES[p.level],
            maxPoints: HEAT_MAX_POINTS,
          },
          options,
        ),
      parties: () =>
        runQuery(ch, partiesAt, { ...p, dayFromMs: t.todayFromMs, atMs: t.atMs, limit: TOP_PARTIES }, options),
      alerts: () => alertsAt(scope, t.atMs),
      incidents: () => incidentsAt(scope, t.atMs),
    };
  }

  async function computePanelsAt(scope: Scope, requestedMs: number): Promise<PanelsAt> {
    const nowMs = deps.clock.now();
    const t = replayTimes(requestedMs, nowMs);
    const p = scopeParams(scope);
    const reads = readsAt(scope, t);
    const [intake, history, workload, feed, heat, parties, alerts, incidents] = await Promise.all([
      reads.intake(),
      reads.history(),
      reads.workload(),
      reads.feed(),
      reads.heat(),
      reads.parties(),
      reads.alerts(),
      reads.incidents(),
    ]);
    const answer = <R>(value: R) => ({ value, forMs: t.atMs });
    const assembled = assemblePanels(
      p,
      {
        intake: answer(intake),
        history: answer(history),
        workload: answer(workload),
        feed: answer(feed),
        heat: answer(heat),
        parties: answer(parties),
      },
      { alerts, incidents },
    );
    // the live assembler's series is by the minute; kept hourly, it is by the hour
    assembled.panels.volume.stepMs = t.stepMs;
    const asOf = new Date(t.atMs).toISOString();
    return {
      panels: assembled.panels,
      asOf,
      panelAsOf: Object.fromEntries(PARTS.map((part) => [part, asOf])),
      history: { resolution: t.resolution, notKept: notKeptAt(t.atMs, nowMs, PARTS) },
    };
  }

  async function historyBounds() {
    const toMs = deps.clock.now();
    const oldest = await runQuery(ch, oldestCase, undefined, options);
    return { fromMs: oldest ?? toMs, toMs };
  }

  return { computePanelsAt, historyBounds, readsAt, openPaths: workload.paths };
}
