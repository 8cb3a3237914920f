// The Socket.IO contract of the /wall namespace, imported by server, client and tests alike.
import type { Channel, Kind, Line, Category, Status } from './codes';
import type { IncidentStatus, NextClock, Severity } from './incidents';
import type { AlertSubject, SignalKind } from './alert-signals';
import type { Scope } from './regions';
import type { Role } from './roles';
import type { WallErrorCode, WallErrorDetail } from './wall-errors';
import type { HistoryDetail, ReplayState } from './wall-modes';

/** One reply shape for every acknowledgement; a refusal carries a code the wall translates. */
export type Ack<T = undefined> = { ok: true; data?: T } | { ok: false; error: WallErrorCode; detail?: WallErrorDetail };

/** Counts of distinct cases, with the kind and line breakdown. */
export interface CaseCounts {
  total: number;
  byKind: Record<Kind, number>;
  byLine: Record<Line, number>;
}

export interface WallKpis {
  /** cases received since local midnight (Asia/Shanghai) */
  today: CaseCounts;
  /** cases received yesterday from midnight up to the same time of day */
  sameTimeYesterday: CaseCounts;
  /** the same weekday last week, from midnight up to the same time of day */
  sameTimeLastWeek: CaseCounts;
  /** cases received in the last 60 minutes */
  lastHour: number;
  /** cases not yet resolved, closed or rejected */
  open: number;
  /** open cases past their legal deadline */
  overdue: number;
  /** open cases not overdue whose deadline falls by the end of the 2nd working day after today */
  dueSoon: number;
  /** the current or next year the working-day calendar has no data for: deadlines there are estimates */
  missingCalendarYears: number[];
  /** share of cases closed within their deadline among those closed in the last 30 days; null when none closed */
  onTimeRate30d: number | null;
  /** cases closed in the last 30 days (the on-time rate's denominator) */
  closed30d: number;
  /** amount recovered for consumers today, yuan */
  recoveredTodayYuan: number;
  /** amount involved in cases received today, yuan */
  involvedTodayYuan: number;
}

/** Per-minute case counts; index i is the minute starting at start + i * stepMs. */
export interface VolumeSeries {
  /** ISO time of the first minute */
  start: string;
  stepMs: number;
  /** cases received per minute over the last 24 hours */
  current: number[];
  /** the same minutes one week earlier */
  baseline: number[];
}

/** Minutes of the volume series that changed, each as [index from start, current, baseline]. */
export interface VolumeEdits {
  /** ISO time of index 0 */
  start: string;
  stepMs: number;
  minutes: Array<[number, number, number]>;
}

/** One child region of the scope (provinces under national, cities under a province, ...). */
export interface RegionRow {
  code: string;
  name: string;
  today: number;
  lastHour: number;
  /** today's cases per 100,000 inhabitants; null where the population is not shipped */
  todayPer100k: number | null;
  open: number;
  overdue: number;
  /** open cases due by the end of the 2nd working day after today, not yet overdue */
  dueSoon: number;
}

export interface RankedItem {
  /** the code (category) or the name (merchant, brand) */
  key: string;
  count: number;
}

/** A recent case as the wall shows it: no personal data, summary already scrubbed at ingest. */
export interface LatestCase {
  id: string;
  receivedAt: string;
  regionCode: string;
  line: Line;
  kind: Kind;
  channel: Channel;
  category: Category;
  status: Status;
  urgent: boolean;
  summary: string;
  location: { lon: number; lat: number } | null;
}

/** Recent cases binned for the heatmap: [lon, lat, count]. */
export type HeatPoint = [number, number, number];

/** Hourly case counts of an alert's slice: index i is the hour starting at start + i * stepMs. */
export interface AlertSparkline {
  /** ISO time of the first hour */
  start: string;
  stepMs: number;
  /** 48 hourly counts, the last one the hour of the alert's latest update */
  counts: number[];
}

/**
 * A hot-issue alert as the wall shows it, with what explains it (shared/alerts.ts: the lifecycle, the
 * severity rule, and `Alert`, the API's fuller record). One alert per event: the signals of several
 * detectors about the same cases are one alert.
 */
export interface AlertSummary extends AlertSubject {
  id: string;
  /** a short Chinese name of what it is about (the wall builds its own line in its language) */
  title: string;
  status: 'open' | 'acknowledged' | 'escalated' | 'dismissed' | 'resolved';
  severity: 'low' | 'medium' | 'high';
  /** the detectors that agree, strongest first */
  kinds: SignalKind[];
  /** the strongest signal's figures: cases observed in its window against those expected */
  observed: number;
  expected: number;
  windowHours: number;
  /** -log10 of the tail probability */
  score: number;
  /** days one would wait for a chance finding as extreme */
  recurrenceDays: number;
  /** ISO: when the alert was first raised, last changed, and when its earliest window began */
  openedAt: string;
  updatedAt: string;
  startedAt: string;
  /** distinct cases of the alert's slice since startedAt, and the first and latest of them */
  cases: number;
  firstCaseAt: string | null;
  latestCaseAt: string | null;
  sparkline: AlertSparkline;
}

/** An emergency incident on the walls of the scopes it concerns (shared/incidents.ts: the whole record). */
export interface IncidentSummary {
  id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  regionCodes: string[];
  openedAt: string;
  updatedAt: string;
  /** the running response clock due first; absent once none runs */
  nextClock?: NextClock;
  /** the record's version: a focus view reloads the timeline when it moves */
  version: number;
  category: Category | null;
  leadUnit: string | null;
  /** response clocks breached so far (met late or overrun) */
  breachedClocks: number;
  /** where its map marker goes: the label point of its first region */
  location: { lon: number; lat: number } | null;
}

/**
 * The payload parts: what travels under `panels` (the wire name stays `panels`). A part is data, not a
 * screen tile: tiles and which parts each draws are in shared/panels.ts.
 */
export interface WallParts {
  kpis: WallKpis;
  volume: VolumeSeries;
  regions: RegionRow[];
  topCategories: RankedItem[];
  topMerchants: RankedItem[];
  topBrands: RankedItem[];
  channelMix: Record<Channel, number>;
  lineMix: Record<Line, number>;
  latestCases: LatestCase[];
  /** open urgent cases of the last 24 hours, for pulsing map markers */
  urgentCases: LatestCase[];
  heat: HeatPoint[];
  alerts: AlertSummary[];
  incidents: IncidentSummary[];
}

export type PartName = keyof WallParts;

/**
 * What changed in a list part since the previous seq, its items matched by the part's key
 * (shared/panels.ts: `id` for cases, alerts and incidents, `code` for regions, ...). To apply: drop
 * the `removed` keys, replace the `changed` items in place, then insert each `added` item at its
 * index in the new list, in ascending order. Items keep their relative order otherwise; one that
 * moved is removed and added again.
 */
export interface ListDelta<T> {
  removed?: string[];
  added?: Array<{ at: number; item: T }>;
  changed?: T[];
}

type ListItems = { [P in PartName]: WallParts[P] extends ReadonlyArray<infer T> ? T : never };
export type ListDeltas = { [P in PartName as ListItems[P] extends never ? never : P]?: ListDelta<ListItems[P]> };

interface PayloadMeta {
  scope: Scope;
  /** per scope, +1 each tick */
  seq: number;
  /** ISO time the data is current to (the tick's clock time, or older when degraded) */
  asOf: string;
  /** ISO time the server sent this payload; the client compares it with asOf and its own clock */
  sentAt: string;
  /** true when ClickHouse did not answer this tick: the data is the last good one, as old as asOf says */
  degraded: boolean;
  /**
   * ISO time each part's data is current to (some parts are computed less often than every tick).
   * A snapshot names every part; an update names only the parts older than its `asOf` (a part it
   * does not name is current to `asOf`): read it with partAsOf.
   */
  panelAsOf: Partial<Record<PartName, string>>;
  /** the wall group (shared/wall-modes.ts) this payload is for */
  wall?: string;
  /** present when the group is not live: the moment `asOf` is history, frozen or replayed */
  mode?: 'frozen' | 'replay';
  /** replay only: the replay's clock (`asOf` is replay.at) */
  replay?: ReplayState;
  /** not live only: how finely the past at asOf is kept, and which parts are not kept */
  history?: HistoryDetail;
}

export interface WallSnapshot extends PayloadMeta {
  panels: WallParts;
  /** the server's TICK_MS: one payload per tick */
  tickMs: number;
  /** how often each part's data is recomputed (its panelAsOf moves on): tickMs, or more for slow parts */
  partRefreshMs: Record<PartName, number>;
}

export interface WallUpdate extends PayloadMeta {
  /** parts that changed since the previous seq, whole; absent ones are unchanged or in listDeltas */
  panels: Partial<Omit<WallParts, 'volume'>>;
  /** list parts that changed, as deltas to the previous seq's lists (a part is here or in panels, never both) */
  listDeltas?: ListDeltas;
  /** the volume series' changed tail: replaces minutes from tail.start on, and shifts the window */
  volumeTail?: VolumeSeries;
  /** single minutes before the tail that changed (cases received late): applied before the tail */
  volumeEdits?: VolumeEdits;
}

export interface SubscribeRequest {
  scope: Scope;
  /** the wall group (shared/wall-modes.ts: WALL_ID_PATTERN); by default the scope's own group */
  wall?: string;
  /** the last seq the client saw for this scope, when it resubscribes after a reconnect */
  lastSeq?: number;
}

export interface ClientToServerEvents {
  'scope:subscribe': (request: SubscribeRequest, ack: (reply: Ack<{ scope: Scope; resumed: boolean }>) => void) => void;
  'scope:unsubscribe': (request: { scope: Scope }, ack: (reply: Ack) => void) => void;
}

export interface ServerToClientEvents {
  'wall:snapshot': (snapshot: WallSnapshot) => void;
  'wall:update': (update: WallUpdate) => void;
  /** sent just before the server closes this socket on purpose (token revoked, role changed, abuse) */
  'wall:closing': (notice: { error: WallErrorCode }) => void;
}

/** What the server knows of each /wall socket's caller, from its handshake token (never the token itself). */
export interface SocketData {
  tokenName: string;
  role: Role;
  /** a digest of the token: finds the caller again in a reloaded token file and counts its sockets */
  tokenId: string;
}

/** What the handshake must carry: a bearer token of role wall or above. */
export interface WallHandshakeAuth {
  token: string;
}

export const WALL_NAMESPACE = '/wall';

/**
 * How a wall tries again after losing the server (Socket.IO's reconnection options): the first try
 * after 0.5 s, then doubling up to 3 s, each delay randomised by ±50%. A wall is back within 10 s of
 * the server answering again however long it was gone: at most 4.5 s to the next try, then one
 * snapshot. A few hundred walls trying every 3 s cost a server nothing.
 */
export const WALL_RECONNECT = { reconnectionDelay: 500, reconnectionDelayMax: 3_000, randomizationFactor: 0.5 };

/** The time a part of a payload (or of a wall's merged state) is current to. */
export function partAsOf(payload: Pick<PayloadMeta, 'asOf' | 'panelAsOf'>, part: PartName): string {
  return payload.panelAsOf[part] ?? payload.asOf;
}
