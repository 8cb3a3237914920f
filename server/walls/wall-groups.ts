// The wall groups as the /wall namespace sees them: which tiles are in which group (each tile joins
// the Socket.IO room `wall:<id>` and, while its group is live, its scope's room as before), and one
// GroupStream per group that is not live. A mode change moves the group's tiles between the two and
// sends them a snapshot; a tile that reloads subscribes again and rejoins whatever the mode is.
import type { Namespace } from 'socket.io';
import type { Scope } from '@shared/regions';
import { isValidScope } from '@shared/regions';
import type { WallGroupState } from '@shared/wall-modes';
import type { Logger } from 'pino';
import type { Clock } from '../clock';
import { roomName } from '../live/scope-room';
import type { ScopeRegistry } from '../live/scope-registry';
import type { WallSocket } from '../live/wall-door';
import type { PanelsAtSource } from '../replay/panels-at';
import type { WallGroupRecord } from './events';
import { GroupStream } from './group-stream';
import type { WallRepository } from './repository';
import type { WallMetrics } from './wall-metrics';

export interface WallGroupsDeps {
  repository: WallRepository;
  source: PanelsAtSource;
  clock: Clock;
  tickMs: number;
  logger: Logger;
  metrics: WallMetrics;
}

export const wallRoom = (id: string) => `wall:${id}`;

/** The scope a default group id names (`national`, `region-<adcode>`), if it is one. */
export function scopeOfDefaultId(id: string): Scope | undefined {
  if (id === 'national') return 'national';
  const code = id.startsWith('region-') ? id.slice('region-'.length) : undefined;
  return code !== undefined && isValidScope(code) ? code : undefined;
}

export class WallGroups {
  private readonly streams = new Map<string, GroupStream>();
  /** per socket: the groups it joined and the scope it asked for in each */
  private readonly tiles = new Map<string, Map<string, Scope>>();
  private nsp: Namespace | undefined;
  private registry: ScopeRegistry | undefined;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: WallGroupsDeps) {
    deps.repository.changes.subscribe(({ group }) => this.apply(group));
  }

  /** Connects the groups to the /wall namespace and its live rooms (attach-wall.ts). */
  attach(nsp: Namespace, registry: ScopeRegistry): void {
    this.nsp = nsp;
    this.registry = registry;
  }

  /** After the log is folded: streams for the groups a restart found frozen or replaying. */
  restore(): void {
    for (const group of this.deps.repository.all()) this.apply(group);
  }

  start(): void {
    this.timer ??= setInterval(() => this.streams.forEach((s) => s.tick()), this.deps.tickMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  /** The group's state as the API answers it, or undefined when nothing gives it a scope. */
  state(id: string): WallGroupState | undefined {
    const stored = this.deps.repository.get(id);
    if (!stored) {
      const scope = this.scopeOf(id);
      return scope === undefined ? undefined : { id, mode: 'live', scope };
    }
    const { version: _v, updatedAt: _u, updatedBy: _b, ...state } = stored;
    const replay = this.streams.get(id)?.replay();
    return replay ? { ...state, replay } : state;
  }

  /** A group's scope: stored, named by its default id, or asked for by a tile in it now. */
  scopeOf(id: string): Scope | undefined {
    const stored = this.deps.repository.get(id)?.scope ?? scopeOfDefaultId(id);
    if (stored !== undefined) return stored;
    for (const joined of this.tiles.values()) if (joined.has(id)) return joined.get(id);
    return undefined;
  }

  isLive(id: string): boolean {
    return (this.deps.repository.get(id)?.mode ?? 'live') === 'live';
  }

  /** A tile joins group `id` asking for `scope`; for a group not live, it gets the group's state. */
  join(socket: WallSocket, id: string, scope: Scope): void {
    let joined = this.tiles.get(socket.id);
    if (!joined) {
      joined = new Map();
      this.tiles.set(socket.id, joined);
      socket.once('disconnect', () => this.tiles.delete(socket.id));
    }
    joined.set(id, scope);
    void socket.join(wallRoom(id));
    if (this.isLive(id)) return;
    const stream = this.streams.get(id);
    const snapshot = stream?.snapshotNow();
    if (snapshot) socket.emit('wall:snapshot', snapshot);
    else stream?.kick(); // its first snapshot goes to the whole room as soon as it is computed
  }

  /** The groups a socket joined asking for `scope`: it leaves them (scope:unsubscribe). */
  leave(socket: WallSocket, scope: Scope): void {
    const joined = this.tiles.get(socket.id);
    for (const [id, asked] of joined ?? []) {
      if (asked !== scope) continue;
      joined!.delete(id);
      void socket.leave(wallRoom(id));
    }
  }

  /** Whether the socket already follows `scope` through group `id`, as its mode asks. */
  follows(socket: WallSocket, id: string, scope: Scope): boolean {
    if (this.tiles.get(socket.id)?.get(id) !== scope) return false;
    return !this.isLive(id) || socket.rooms.has(roomName(scope));
  }

  /** How many groups the socket follows. */
  followed(socket: WallSocket): number {
    return this.tiles.get(socket.id)?.size ?? 0;
  }

  private apply(group: WallGroupRecord): void {
    const stream = this.streams.get(group.id);
    if (group.mode === 'live') {
      this.streams.delete(group.id);
      if (stream) this.moveTiles(group.id, 'live');
      return;
    }
    if (stream) return stream.reconfigure(group);
    this.moveTiles(group.id, 'group');
    const created = new GroupStream(group, {
      ...this.deps,
      broadcast: (entry) => {
        if (entry.event === 'wall:snapshot') this.nsp?.to(wallRoom(group.id)).emit('wall:snapshot', entry.payload);
        else this.nsp?.to(wallRoom(group.id)).emit('wall:update', entry.payload);
      },
      watchers: () => this.nsp?.adapter.rooms.get(wallRoom(group.id))?.size ?? 0,
    });
    this.streams.set(group.id, created);
    created.kick();
  }

  /**
   * The group's tiles leave their scopes' live rooms (it is no longer live) or join them again and
   * get the live snapshot (back to live). A scope another live group of the same socket follows stays.
   */
  private moveTiles(id: string, to: 'live' | 'group'): void {
    const sockets = this.nsp?.adapter.rooms.get(wallRoom(id));
    for (const socketId of sockets ?? []) {
      const socket = this.nsp!.sockets.get(socketId) as WallSocket | undefined;
      const scope = this.tiles.get(socketId)?.get(id);
      if (!socket || scope === undefined) continue;
      if (to === 'group') {
        const stillLive = [...this.tiles.get(socketId)!].some(
          ([other, s]) => other !== id && s === scope && this.isLive(other),
        );
        if (!stillLive) void socket.leave(roomName(scope));
        continue;
      }
      void socket.join(roomName(scope));
      const room = this.registry!.open(scope);
      const snapshot = room.snapshotNow();
      if (snapshot) socket.emit('wall:snapshot', snapshot);
      else this.registry!.kick(room);
    }
  }
}
