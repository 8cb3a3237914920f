// The wall groups: an append-only log in ClickHouse (wall_group_events) and the groups' current
// states in memory, kept by the domain's event-log follower (server/domain/event-log-follower.ts:
// loaded at start, followed on a standby, one control call at a time, each stored before it is
// applied and published to the groups' streams). A group never changed has no row: it is live, on
// its scope.
import type { Logger } from 'pino';
import type { Scope } from '@shared/regions';
import type { ClickHouse } from '../clickhouse/client';
import type { Clock } from '../clock';
import { createEventLogFollower, withEventLog } from '../domain/event-log-follower';
import type { WriteFence } from '../ingest/writer-lease-fence';
import { wallGroupEvents } from '../queries/walls/wall-group-events';
import type { WallEvent, WallGroupRecord } from './events';
import { decide, type Decision, type WallCommand } from './transitions';
import { applyWallEvent, fromRow, toInsert } from './wall-log';

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
  const log = createEventLogFollower(
    {
      domain: 'walls',
      noun: 'wall group',
      table: 'wall_group_events',
      log: wallGroupEvents,
      fromRow,
      toInsert,
      empty: () => new Map<string, WallGroupRecord>(),
      apply: applyWallEvent,
      describe: (groups) => ({
        groups: groups.size,
        notLive: [...groups.values()].filter((g) => g.mode !== 'live').length,
      }),
      StoreError: WallStoreError,
      // a re-read (following the writer, or memory from an earlier term) tells the groups' streams
      // of every group another server changed
      afterRead(reason, before, groups) {
        if (reason === 'load') return;
        for (const group of groups.values())
          if (before.get(group.id)?.version !== group.version) log.changes.publish(eventOf(group));
      },
    },
    { clickhouse, logger, fence },
  );

  return withEventLog(log, {
    tickMs,
    get: (id: string): WallGroupRecord | undefined => log.state.get(id),
    all: (): WallGroupRecord[] => [...log.state.values()],
    /**
     * Applies a control call to group `id`; `scope` is the group's scope when it has no stored state
     * yet (a live group known only by its tiles or its default id).
     */
    command: (id: string, scope: Scope, command: WallCommand, actor: string): Promise<WallCommandResult> =>
      log.write(async () => {
        const nowMs = clock.now();
        const current: WallGroupRecord = log.state.get(id) ?? {
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
        return { outcome: 'changed', group: (await log.append({ type: decision.type, actor, group })).group };
      }),
  });
}

export type WallRepository = ReturnType<typeof createWallRepository>;
