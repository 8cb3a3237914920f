// The stream of one wall group that is not live: the wall as of the group's moment, computed by
// PanelsAtSource.computePanelsAt and sent to the group's room. Frozen: one snapshot per mode change.
// Replay: every tick the replay clock (replay-clock.ts) moves on; when the moment shown changes, the
// panels at it are computed and sent as what changed (panel-delta.ts). One computation at a time:
// a tick that finds the previous step still running skips it (counted) and the replay moves on.
import { PART_NAMES } from '@shared/panels';
import type { PartName, WallSnapshot, WallUpdate } from '@shared/wall-events';
import type { ReplayState } from '@shared/wall-modes';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import { sentParts, updateBody, type SentParts } from '../live/panel-delta';
import { FULL_SNAPSHOT_MS } from '../live/scope-room';
import type { RingEntry } from '../live/update-ring';
import type { PanelsAt, PanelsAtSource } from '../replay/panels-at';
import type { WallGroupRecord } from './events';
import { replayAt } from './replay-clock';
import type { WallMetrics } from './wall-metrics';

export interface StreamDeps {
  source: PanelsAtSource;
  clock: Clock;
  tickMs: number;
  logger: Logger;
  metrics: WallMetrics;
  /** sends to every tile of the group */
  broadcast(entry: RingEntry): void;
  /** how many tiles the group has now: without any, nothing is computed */
  watchers(): number;
}

export class GroupStream {
  private seq: number;
  private current: { snapshot: WallSnapshot; sent: SentParts } | undefined;
  /** the moment last computed (ms), and whether a full snapshot is owed (mode change, seek) */
  private shownAtMs: number | undefined;
  /** the moment being computed now, while busy */
  private computingAtMs: number | undefined;
  private snapshotDue = true;
  private busy = false;
  private behind = false;
  private lastFullAtMs = 0;
  /** the source failed at the last step: said once, and once when it answers again */
  private failing = false;
  private readonly partRefreshMs: Record<PartName, number>;

  constructor(
    private group: WallGroupRecord,
    private readonly deps: StreamDeps,
  ) {
    this.seq = Math.floor(deps.clock.now() / deps.tickMs);
    this.partRefreshMs = Object.fromEntries(PART_NAMES.map((p) => [p, deps.tickMs])) as Record<PartName, number>;
  }

  get id(): string {
    return this.group.id;
  }

  /** The replay's clock now (undefined when frozen). */
  replay(): ReplayState | undefined {
    return replayAt(this.group, this.deps.clock.now(), this.deps.tickMs);
  }

  /**
   * The group changed. Another mode, scope or period: its tiles get a fresh snapshot. The same replay
   * paused, played or sought: an update, with only the replay's clock when the moment is the one shown.
   */
  reconfigure(group: WallGroupRecord): void {
    const before = this.group;
    const sameReplay =
      group.mode === 'replay' &&
      before.mode === 'replay' &&
      group.scope === before.scope &&
      group.replay?.from === before.replay?.from &&
      group.replay?.to === before.replay?.to;
    this.group = group;
    if (!sameReplay || !this.current) this.snapshotDue = true;
    else if (this.targetMs() === this.shownAtMs) return this.sendClock();
    this.kick();
  }

  /** The current state for a tile joining now; undefined until the first computation is done. */
  snapshotNow(): WallSnapshot | undefined {
    if (!this.current) return undefined;
    const replay = this.replay();
    return {
      ...this.current.snapshot,
      sentAt: new Date(this.deps.clock.now()).toISOString(),
      ...(replay ? { replay: { ...replay, at: this.current.snapshot.asOf } } : {}),
    };
  }

  /** Computes now when something is owed (a joining tile, a mode change), unless a step is running. */
  kick(): void {
    if (!this.busy) void this.step();
  }

  /**
   * One wall tick: a playing replay whose moment moved on computes it, or counts a skipped step; a
   * snapshot owed since a failed computation is tried again.
   */
  tick(): void {
    if (this.deps.watchers() === 0) return;
    if (this.snapshotDue && !this.busy) return void this.step();
    const replay = this.replay();
    const atMs = replay ? Date.parse(replay.at) : undefined;
    if (!replay || atMs === undefined || atMs === this.shownAtMs || atMs === this.computingAtMs) {
      // nothing moved (frozen, paused, or the same minute): one payload per tick all the same, as
      // live, so a tile's watchdog never takes a still wall for a dead connection
      if (!this.busy && this.current) this.heartbeat();
      return;
    }
    if (this.busy) {
      this.deps.metrics.replayStepsSkipped.inc();
      if (!this.behind)
        this.deps.logger.warn({ wall: this.id, speed: replay.speed }, 'replay cannot keep up: steps skipped');
      this.behind = true;
      return;
    }
    void this.step();
  }

  private targetMs(): number {
    const replay = this.replay();
    if (replay) return Date.parse(replay.at);
    return Date.parse(this.group.frozenAt ?? this.group.updatedAt);
  }

  private async step(): Promise<void> {
    if (this.deps.watchers() === 0 && !this.snapshotDue) return;
    this.busy = true;
    const group = this.group;
    const atMs = this.targetMs();
    this.computingAtMs = atMs;
    const full = this.snapshotDue;
    this.snapshotDue = false;
    const stopTimer = this.deps.metrics.replayStepDuration.startTimer({ mode: group.mode });
    try {
      const panelsAt = await this.deps.source.computePanelsAt(group.scope, atMs);
      stopTimer();
      // the group changed while this ran: what was computed is for a mode no longer shown
      if (group !== this.group) return;
      this.shownAtMs = atMs;
      this.send(panelsAt, full);
      if (this.behind && !full) {
        this.behind = false;
        this.deps.logger.info({ wall: this.id }, 'replay keeps up again');
      }
      if (this.failing) this.deps.logger.info({ wall: this.id }, 'wall as of a moment computed again');
      this.failing = false;
    } catch (error) {
      this.snapshotDue ||= full;
      if (!this.failing)
        this.deps.logger.error(
          { err: (error as Error).message, wall: this.id, at: new Date(atMs).toISOString() },
          'wall as of a moment not computed: tried again every tick',
        );
      this.failing = true;
    } finally {
      this.busy = false;
      this.computingAtMs = undefined;
    }
    // owed meanwhile (a seek, a mode change) or the replay's last moment, reached while busy; after a
    // failure the next tick tries again, not this very moment
    const replay = this.replay();
    if (this.failing) return;
    if (this.snapshotDue || (replay?.paused && Date.parse(replay.at) !== this.shownAtMs)) this.kick();
  }

  private meta(panelsAt: PanelsAt) {
    const replay = this.replay();
    const mode = this.group.mode === 'replay' ? ('replay' as const) : ('frozen' as const);
    return {
      scope: this.group.scope,
      seq: ++this.seq,
      asOf: panelsAt.asOf,
      sentAt: new Date(this.deps.clock.now()).toISOString(),
      degraded: false,
      panelAsOf: panelsAt.panelAsOf,
      wall: this.group.id,
      mode,
      // the moment shown is the one computed, which may be an hour floor beyond the minute rollup
      ...(replay ? { replay: { ...replay, at: panelsAt.asOf } } : {}),
      history: panelsAt.history,
    };
  }

  private send(panelsAt: PanelsAt, full: boolean): void {
    const meta = this.meta(panelsAt);
    const snapshot: WallSnapshot = {
      ...meta,
      panels: panelsAt.panels,
      tickMs: this.deps.tickMs,
      partRefreshMs: this.partRefreshMs,
    };
    const previous = this.current;
    if (full || !previous) {
      this.current = { snapshot, sent: sentParts(panelsAt.panels) };
      this.lastFullAtMs = this.deps.clock.now();
      this.deps.broadcast({ event: 'wall:snapshot', payload: snapshot });
      return;
    }
    // as live (server/live/panel-delta.ts updateBody)
    const { body, sent } = updateBody(
      { sent: previous.sent, volume: previous.snapshot.panels.volume },
      panelsAt.panels,
      meta,
    );
    const update: WallUpdate = { ...meta, ...body };
    this.current = { snapshot, sent };
    this.deps.broadcast({ event: 'wall:update', payload: update });
  }

  /** The state again: a full snapshot every FULL_SNAPSHOT_MS (a tile that lost a payload heals), else an empty update. */
  private heartbeat(): void {
    const nowMs = this.deps.clock.now();
    if (nowMs - this.lastFullAtMs < FULL_SNAPSHOT_MS) return this.sendClock();
    const previous = this.current!.snapshot;
    const snapshot = { ...previous, ...this.clockMeta(previous) };
    this.current = { snapshot, sent: this.current!.sent };
    this.lastFullAtMs = nowMs;
    this.deps.broadcast({ event: 'wall:snapshot', payload: snapshot });
  }

  private clockMeta(previous: WallSnapshot) {
    return this.meta({ asOf: previous.asOf, panelAsOf: previous.panelAsOf, history: previous.history! } as PanelsAt);
  }

  /** Pause or play, or a tick with nothing new: no new panels, the replay's clock in an empty update. */
  private sendClock(): void {
    const previous = this.current!.snapshot;
    const meta = this.clockMeta(previous);
    this.current = { snapshot: { ...previous, ...meta }, sent: this.current!.sent };
    // as every update: it names only the parts that lag its asOf (partAsOf)
    const lagging = Object.entries(meta.panelAsOf).filter(([, at]) => at !== meta.asOf);
    this.deps.broadcast({
      event: 'wall:update',
      payload: { ...meta, panelAsOf: Object.fromEntries(lagging), panels: {} },
    });
  }
}
