// One watched scope: its query groups, its stream position (seq) and the last state it sent. Each
// tick computes the scope once and broadcasts one payload to the scope's Socket.IO room, whatever
// the number of walls in it: a full snapshot at first and every FULL_SNAPSHOT_MS, deltas between.
import { PARTS, PART_NAMES, SLOW_REFRESH_MS } from '@shared/panels';
import type { PartName, WallSnapshot, WallUpdate } from '@shared/wall-events';
import type { ClickHouse } from '../clickhouse/client';
import type { Clock } from '../clock';
import type { Logger } from '../ops/logger';
import { GROUP_REFRESH, assemblePanels, type GroupAnswers, type MemoryParts } from './assemble-panels';
import { sentParts, updateBody, type SentParts } from './panel-delta';
import { QueryGroup } from './query-group';
import { queryFeed, queryHeat, queryHistory, queryIntake, queryParties, queryWorkload } from './tick-queries';
import { scopeParams, tickTimes, type ScopeParams } from './tick-window';
import { UpdateRing, type RingEntry } from './update-ring';

/** A full state goes out this often even when deltas would do: a client that lost a delta heals. */
export const FULL_SNAPSHOT_MS = 30_000;
/** Payloads kept for resync: a minute at the default tick. */
export const RING_CAPACITY = 60;

export interface RoomDeps {
  clickhouse: ClickHouse;
  clock: Clock;
  logger: Logger;
  tickMs: number;
  /** how long a tick waits for ClickHouse before it goes on with the last good answers */
  budgetMs: number;
  broadcast(room: string, entry: RingEntry): void;
  /** the parts a write domain keeps in memory (incidents), for a scope at a time */
  memoryParts(scope: string, nowMs: number): MemoryParts;
}

export function roomName(scope: string): string {
  return `scope:${scope}`;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class ScopeRoom {
  readonly params: ScopeParams;
  readonly room: string;
  /** per scope, +1 each tick; starts from the tick number since the epoch, so it also grows across restarts */
  seq: number;
  /** set while the room has no walls: it is not computed, and is forgotten after a while */
  pausedAtMs: number | undefined;
  busy = false;
  private tickIndex = 0;
  private current: { snapshot: WallSnapshot; sent: SentParts } | undefined;
  private lastFullAtMs = 0;
  private wasDegraded = false;
  private readonly ring = new UpdateRing(RING_CAPACITY);
  private readonly groups;
  /** each part's refresh interval at this tick: what the wall judges its staleness by */
  private readonly partRefreshMs: Record<PartName, number>;

  constructor(
    scope: string,
    private readonly deps: RoomDeps,
  ) {
    this.params = scopeParams(scope);
    this.room = roomName(scope);
    this.seq = Math.floor(deps.clock.now() / deps.tickMs);
    const ch = deps.clickhouse;
    const p = this.params;
    const slowEvery = Math.max(1, Math.round(SLOW_REFRESH_MS / deps.tickMs));
    // the three slow groups refresh on different ticks, so no tick carries all of them
    let slowGroups = 0;
    const cadence = (name: keyof GroupAnswers) =>
      GROUP_REFRESH[name] === 'tick'
        ? { name, everyTicks: 1, firstRefreshTick: 1 }
        : { name, everyTicks: slowEvery, firstRefreshTick: slowEvery + slowGroups++ };
    this.groups = {
      intake: new QueryGroup({ ...cadence('intake'), run: (t) => queryIntake(ch, p, t) }),
      feed: new QueryGroup({ ...cadence('feed'), run: (t) => queryFeed(ch, p, t) }),
      heat: new QueryGroup({ ...cadence('heat'), run: (t) => queryHeat(ch, p, t) }),
      workload: new QueryGroup({ ...cadence('workload'), run: (t) => queryWorkload(ch, p, t) }),
      parties: new QueryGroup({ ...cadence('parties'), run: (t) => queryParties(ch, p, t) }),
      history: new QueryGroup({ ...cadence('history'), run: (t) => queryHistory(ch, p, t) }),
    };
    const refreshMs = { tick: deps.tickMs, slow: slowEvery * deps.tickMs };
    this.partRefreshMs = Object.fromEntries(PART_NAMES.map((part) => [part, refreshMs[PARTS[part].refresh]])) as Record<
      PartName,
      number
    >;
  }

  get hasState(): boolean {
    return this.current !== undefined;
  }

  /** The full current state for a wall joining now. */
  snapshotNow(): WallSnapshot | undefined {
    return this.current && { ...this.current.snapshot, sentAt: iso(this.deps.clock.now()) };
  }

  /** What a wall that saw `lastSeq` missed, or undefined when only a snapshot can bring it up to date. */
  missedSince(lastSeq: number): RingEntry[] | undefined {
    if (!this.current) return undefined;
    const sentAt = iso(this.deps.clock.now());
    // sentAt is when this copy leaves: walls estimate their clock offset from it
    return this.ring.after(lastSeq, this.seq)?.map((e) => ({ ...e, payload: { ...e.payload, sentAt } }) as RingEntry);
  }

  /** Watched again after a pause: the slow panels are as old as the pause, refresh them at once. */
  resume(): void {
    this.pausedAtMs = undefined;
    for (const group of [this.groups.workload, this.groups.parties, this.groups.history]) group.expire();
  }

  /** Computes the scope once and broadcasts the payload; false when there is nothing to send yet. */
  async tick(): Promise<boolean> {
    const times = tickTimes(this.deps.clock.now());
    const index = this.tickIndex++;
    const groups = Object.values(this.groups) as QueryGroup<unknown>[];
    const waits = groups.map((g) => g.begin(index, times)).filter((w) => w !== undefined);
    await settleWithin(waits, this.deps.budgetMs);
    for (const group of groups) group.finish(index);
    this.logHealth(groups);

    const answers = this.answers();
    if (!answers) return false; // never answered yet: no data to show, and none is invented
    const nowMs = this.deps.clock.now();
    const assembled = assemblePanels(this.params, answers, this.deps.memoryParts(this.params.scope, nowMs));
    this.seq += 1;
    const panelAsOf: Partial<Record<PartName, string>> = {};
    for (const [name, ms] of Object.entries(assembled.panelAsOfMs)) panelAsOf[name as PartName] = iso(ms);
    const meta = {
      scope: this.params.scope,
      seq: this.seq,
      asOf: iso(assembled.asOfMs),
      sentAt: iso(nowMs),
      degraded: groups.some((g) => g.failing),
      panelAsOf,
    };
    const snapshot: WallSnapshot = {
      ...meta,
      panels: assembled.panels,
      tickMs: this.deps.tickMs,
      partRefreshMs: this.partRefreshMs,
    };
    const previous = this.current;
    let entry: RingEntry;
    if (!previous || nowMs - this.lastFullAtMs >= FULL_SNAPSHOT_MS) {
      entry = { event: 'wall:snapshot', payload: snapshot };
      this.current = { snapshot, sent: sentParts(assembled.panels) };
      this.lastFullAtMs = nowMs;
    } else {
      const { body, sent } = updateBody(
        { sent: previous.sent, volume: previous.snapshot.panels.volume },
        assembled.panels,
        { asOf: meta.asOf, panelAsOf },
      );
      const update: WallUpdate = { ...meta, ...body };
      entry = { event: 'wall:update', payload: update };
      this.current = { snapshot, sent };
    }
    this.ring.push(entry);
    this.deps.broadcast(this.room, entry);
    return true;
  }

  private answers(): GroupAnswers | undefined {
    const g = this.groups;
    const { intake, feed, heat, workload, parties, history } = {
      intake: g.intake.last,
      feed: g.feed.last,
      heat: g.heat.last,
      workload: g.workload.last,
      parties: g.parties.last,
      history: g.history.last,
    };
    if (!intake || !feed || !heat || !workload || !parties || !history) return undefined;
    return { intake, feed, heat, workload, parties, history };
  }

  /** One log line when the scope goes degraded and one when it recovers, not one per tick. */
  private logHealth(groups: QueryGroup<unknown>[]): void {
    const failing = groups.filter((g) => g.failing);
    if (failing.length > 0 && !this.wasDegraded) {
      this.deps.logger.warn(
        { scope: this.params.scope, groups: failing.map((g) => g.spec.name), err: failing[0].lastError?.message },
        'wall scope degraded: ClickHouse did not answer',
      );
    } else if (failing.length === 0 && this.wasDegraded) {
      this.deps.logger.info({ scope: this.params.scope }, 'wall scope recovered');
    }
    this.wasDegraded = failing.length > 0;
  }
}

/** Waits for all the promises, or for `budgetMs`, whichever comes first. */
async function settleWithin(waits: Promise<void>[], budgetMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const budget = new Promise<void>((resolve) => (timer = setTimeout(resolve, budgetMs)));
  await Promise.race([Promise.all(waits), budget]);
  clearTimeout(timer);
}
