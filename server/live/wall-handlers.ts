// The /wall namespace's two messages. scope:subscribe joins a scope's room and brings the wall up to
// date (what it missed since lastSeq, or the full state); scope:unsubscribe leaves it. The door
// (wall-door.ts) has already checked the caller, the budget and the packet's shape.
import { requestError, subscribeRequestSchema, unsubscribeRequestSchema } from '@shared/wall-requests';
import type { Ack } from '@shared/wall-events';
import { defaultWallId } from '@shared/wall-modes';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import type { WallGroups } from '../walls/wall-groups';
import { roomName } from './scope-room';
import type { ScopeRegistry } from './scope-registry';
import type { RingEntry } from './update-ring';
import type { WallSocket } from './wall-door';

/** Scopes one socket may follow at once (tiles of one wall share one scope; a director drills down). */
export const MAX_SCOPES_PER_SOCKET = 8;

export interface HandlerDeps {
  registry: ScopeRegistry;
  metrics: Metrics;
  logger: Logger;
  /** the wall groups: a tile of a group that is not live gets the group's payloads, not the scope's */
  groups: WallGroups;
}

function send(socket: WallSocket, entry: RingEntry): void {
  if (entry.event === 'wall:snapshot') socket.emit('wall:snapshot', entry.payload);
  else socket.emit('wall:update', entry.payload);
}

/** Runs a handler; a bug in it answers server-error to this wall instead of taking the process down. */
function guarded<T>(
  socket: WallSocket,
  logger: Logger,
  handler: (request: unknown, reply: (r: Ack<T>) => void) => void,
) {
  return (request: unknown, ack: (reply: Ack<T>) => void) => {
    try {
      handler(request, ack);
    } catch (error) {
      logger.error({ err: error, socket: socket.id }, 'wall message failed');
      ack({ ok: false, error: 'server-error' });
    }
  };
}

export function handleWallSocket(socket: WallSocket, { registry, metrics, logger, groups }: HandlerDeps): void {
  metrics.socketClients.inc();
  socket.on('disconnect', () => metrics.socketClients.dec());

  type Subscribed = { scope: string; resumed: boolean };
  socket.on(
    'scope:subscribe',
    guarded<Subscribed>(socket, logger, (request, reply) => {
      const parsed = subscribeRequestSchema.safeParse(request);
      if (!parsed.success) {
        const { code, detail } = requestError(parsed.error);
        return reply({ ok: false, error: code, detail });
      }
      const { scope, lastSeq } = parsed.data;
      const wall = parsed.data.wall ?? defaultWallId(scope);
      // A scope this socket already follows: it has been sent every payload since it joined, in
      // order, so there is nothing to resend. A repeat is acknowledged and costs nothing; a wall
      // whose own state went wrong is healed by the full snapshot every 30 s.
      if (groups.follows(socket, wall, scope)) return reply({ ok: true, data: { scope, resumed: true } });
      // every scope a wall follows is computed every tick: one token must not be able to start hundreds
      if (groups.followed(socket) >= MAX_SCOPES_PER_SOCKET) {
        return reply({ ok: false, error: 'too-many-scopes', detail: { limit: MAX_SCOPES_PER_SOCKET } });
      }
      // a group that is frozen or replaying: the tile gets the group's moment, not the live scope
      if (!groups.isLive(wall)) {
        reply({ ok: true, data: { scope, resumed: false } });
        return groups.join(socket, wall, scope);
      }
      groups.join(socket, wall, scope);
      const room = registry.open(scope);
      const missed = lastSeq === undefined ? undefined : room.missedSince(lastSeq);
      const snapshot = missed ? undefined : room.snapshotNow();
      reply({ ok: true, data: { scope, resumed: missed !== undefined } });
      // joined and brought up to date in one synchronous step: no tick's broadcast can fall between
      void socket.join(room.room);
      if (missed) for (const entry of missed) send(socket, entry);
      else if (snapshot) socket.emit('wall:snapshot', snapshot);
      // a room without state broadcasts its first snapshot to everyone in it as soon as it has one
      else registry.kick(room);
    }),
  );

  socket.on(
    'scope:unsubscribe',
    guarded<undefined>(socket, logger, (request, reply) => {
      const parsed = unsubscribeRequestSchema.safeParse(request);
      if (!parsed.success) {
        const { code, detail } = requestError(parsed.error);
        return reply({ ok: false, error: code, detail });
      }
      void socket.leave(roomName(parsed.data.scope));
      groups.leave(socket, parsed.data.scope);
      reply({ ok: true });
    }),
  );
}
