// The wall groups: an append-only log in ClickHouse (wall_group_events) and the groups' current
// states in memory, folded from the log at start. A control call appends its event first and applies
// it only once stored, so memory never holds what a restart would not reproduce; then the change is
// published to the groups' streams. A group never changed has no row: it is live, on its scope.
import type { Logger } from 'pino';
import type { Scope } from '@shared/regions';
import type { ClickHouse } from '../clickhouse/client';
import type { Clock } from '../clock';
import { createChangeFeed } from '../domain/change-feed';
import { readEventLog, reportAnomalies } from '../domain/event-log';
import { createSerialQueue } from '../domain/serial';
import { fencedMemory, type WriteFence } from '../ingest/writer-lease-fence';
import { wallGroupEvents } from '../queries/walls/wall-group-events';
import type { WallChanges, WallEvent, WallGroupRecord } from './events';
import { decide, type Decision, type WallCommand } from './transitions';
import { applyWallEvent, foldWallLog, fromRow, toInsert } from './wall-log';

/** The store refused the event or could not be reached: nothing changed, the caller may retry. */
export class WallStoreError extends Error {}

export type WallCommandResult =
  { outcome: 'changed' | 'unchanged'; group: WallGroupRecord } | Extract<Decision, { outcome: 'refused' }>;

export interface WallRepositoryDeps {
  clickhouse: ClickHouse;
  logger: Logger;
  clock: Clock;
  /** the wall tick: a replay moves once per tick */
  tickMs: number;
  /** only the writer-lease holder appends (server/ingest/writer-lease-fence.ts) */
  fence: WriteFence;
}

/** The event a standby publishes for a group it re-read changed: named after the state it found. */
function eventOf(group: WallGroupRecord): WallEvent {
  const type =
    group.mode === 'live' ? 'live' : group.mode === 'frozen' ? 'freeze' : group.replay?.paused ? 'pause' : 'play';
  return { type, actor: group.updatedBy, group };
}

export function createWallRepository({ clickhouse, logger, clock, tickMs, fence }: WallRepositoryDeps) {
  let groups = new Map<string, WallGroupRecord>();
  let loaded = false;
  const serial = createSerialQueue();
  const memory = fencedMemory(fence, 'wall group');
  const changes: WallChanges = createChangeFeed<WallEvent>('walls', logger);
  /** the log's size when a standby last re-read it (-1: not yet) */
  let followedSize = -1;

  async function append(event: WallEvent): Promise<WallGroupRecord> {
    memory.assertCurrent();
    try {
      await clickhouse.insert('wall_group_events', [toInsert(event)]);
    } catch (error) {
      throw new WallStoreError((error as Error).message, { cause: error });
    }
    const anomaly = applyWallEvent(groups, event);
    if (anomaly) logger.error({ anomaly }, 'wall write out of order');
    changes.publish(event);
    return event.group;
  }

  async function readLog(): Promise<void> {
    memory.reading();
    const events = await readEventLog(clickhouse, wallGroupEvents, fromRow, logger);
    const folded = foldWallLog(events);
    reportAnomalies('walls', folded.anomalies, logger);
    groups = folded.groups;
    loaded = true;
    const notLive = [...groups.values()].filter((g) => g.mode !== 'live').length;
    logger.info({ groups: groups.size, notLive, events: events.length }, 'wall groups loaded from their log');
  }

  /** Reads the log again and tells the groups' streams of every group another server changed. */
  async function reread(): Promise<void> {
    const before = groups;
    await readLog();
    for (const group of groups.values())
      if (before.get(group.id)?.version !== group.version) changes.publish(eventOf(group));
  }

  return {
    changes,
    tickMs,
    get loaded() {
      return loaded;
    },
    /** Folds the whole log into memory (at start, after the migrations). */
    load: () => serial(readLog),
    /**
     * On a standby: re-reads the log when it holds `size` events and was last read at another size,
     * and tells the groups' streams of every group that changed on the writer.
     */
    follow: (size: number): Promise<void> =>
      serial(async () => {
        if (!loaded || size === followedSize) return;
        await reread();
        followedSize = size;
      }),
    get: (id: string): WallGroupRecord | undefined => groups.get(id),
    all: (): WallGroupRecord[] => [...groups.values()],
    /**
     * Applies a control call to group `id`; `scope` is the group's scope when it has no stored state
     * yet (a live group known only by its tiles or its default id).
     */
    command: (id: string, scope: Scope, command: WallCommand, actor: string): Promise<WallCommandResult> =>
      serial(async () => {
        // refused unless this server holds the lease; memory from an earlier term is re-read first
        if (memory.stale()) await reread();
        const nowMs = clock.now();
        const current: WallGroupRecord = groups.get(id) ?? {
          id,
          mode: 'live',
          scope,
          version: 0,
          updatedAt: new Date(nowMs).toISOString(),
          updatedBy: actor,
        };
        const decision = decide(current, command, nowMs, tickMs);
        if (decision.outcome === 'refused') return decision;
        if (decision.outcome === 'unchanged') return { outcome: 'unchanged', group: current };
        const group: WallGroupRecord = {
          ...decision.state,
          version: current.version + 1,
          updatedAt: new Date(nowMs).toISOString(),
          updatedBy: actor,
        };
        return { outcome: 'changed', group: await append({ type: decision.type, actor, group }) };
      }),
  };
}

export type WallRepository = ReturnType<typeof createWallRepository>;
