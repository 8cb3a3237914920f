// The wall-group log's rows and the one function that applies an event to the groups. Start-up folds
// the whole log through applyWallEvent, and every control call applies its new event through it
// too, so the groups in memory are always what the log reproduces.
import { WALL_MODES } from '@shared/wall-modes';
import { toDateTime64 } from '../clickhouse/datetime';
import { foldEvents } from '../domain/event-log';
import { eventColumns, type EventColumns } from '../domain/event-row';
import { applyVersioned } from '../domain/versioned-state';
import { WALL_EVENT_TYPES, type WallEvent, type WallGroupRecord } from './events';

/** A row of wall_group_events as inserted (times as ClickHouse DateTime64 text). */
export interface WallGroupEventInsert extends EventColumns {
  wall_id: string;
  mode: string;
  scope: string;
  frozen_at: string | null;
  replay_from: string | null;
  replay_to: string | null;
  replay_at: string | null;
  replay_speed: number | null;
  replay_paused: 0 | 1 | null;
}

/** A row as server/queries/walls/wall-group-events.sql reads it. */
export interface WallGroupEventRow {
  wall_id: string;
  version: number;
  event: string;
  at_ms: number;
  actor: string;
  mode: string;
  scope: string;
  frozen_at_ms: number | null;
  replay_from_ms: number | null;
  replay_to_ms: number | null;
  replay_at_ms: number | null;
  replay_speed: number | null;
  replay_paused: number | null;
}

const stamp = (time: string | undefined) => (time === undefined ? null : toDateTime64(Date.parse(time)));
const iso = (ms: number) => new Date(ms).toISOString();

export function toInsert({ type, actor, group }: WallEvent): WallGroupEventInsert {
  const replay = group.replay;
  return {
    wall_id: group.id,
    ...eventColumns(group.version, type, group.updatedAt, actor),
    mode: group.mode,
    scope: group.scope,
    frozen_at: stamp(group.frozenAt),
    replay_from: stamp(replay?.from),
    replay_to: stamp(replay?.to),
    replay_at: stamp(replay?.at),
    replay_speed: replay ? replay.speed : null,
    replay_paused: replay ? (replay.paused ? 1 : 0) : null,
  };
}

export function fromRow(row: WallGroupEventRow): WallEvent {
  const type = WALL_EVENT_TYPES.find((t) => t === row.event);
  const mode = WALL_MODES.find((m) => m === row.mode);
  if (!type || !mode)
    throw new Error(`wall ${row.wall_id} v${row.version}: unknown event "${row.event}" or mode "${row.mode}"`);
  const group: WallGroupRecord = {
    id: row.wall_id,
    mode,
    scope: row.scope,
    version: row.version,
    updatedAt: iso(row.at_ms),
    updatedBy: row.actor,
  };
  if (mode === 'frozen') {
    if (row.frozen_at_ms === null) throw new Error(`wall ${row.wall_id} v${row.version}: frozen without a moment`);
    group.frozenAt = iso(row.frozen_at_ms);
  }
  if (mode === 'replay') {
    const { replay_from_ms: from, replay_to_ms: to, replay_at_ms: at, replay_speed: speed } = row;
    if (from === null || to === null || at === null || speed === null)
      throw new Error(`wall ${row.wall_id} v${row.version}: replay without its clock`);
    group.replay = { from: iso(from), to: iso(to), at: iso(at), speed, paused: row.replay_paused === 1 };
  }
  return { type, actor: row.actor, group };
}

/** Applies one event to the groups by id (server/domain/versioned-state.ts: what a gap or a repeat does). */
export function applyWallEvent(groups: Map<string, WallGroupRecord>, event: WallEvent): string | undefined {
  // a group's first event is whatever command first changed it: there is no "created" event
  const isFirst = !groups.has(event.group.id);
  return applyVersioned(groups, event.group, { type: event.type, isFirst }, 'wall');
}

/** The groups from the whole log, and what in it did not add up. */
export function foldWallLog(events: Iterable<WallEvent>): {
  groups: Map<string, WallGroupRecord>;
  anomalies: string[];
} {
  const { state, anomalies } = foldEvents(events, new Map<string, WallGroupRecord>(), applyWallEvent);
  return { groups: state, anomalies };
}
