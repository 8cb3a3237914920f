// The /wall namespace's door and its two messages. The handshake must carry a token of role wall or
// above; scope:subscribe joins a scope's room and brings the wall up to date (what it missed since
// lastSeq, or the full state), scope:unsubscribe leaves it.
import type { Namespace, Socket } from 'socket.io';
import { firstIssue, subscribeRequestSchema, unsubscribeRequestSchema } from '@shared/wall-requests';
import type { Ack, ClientToServerEvents, ServerToClientEvents } from '@shared/wall-events';
import { mayRead, type TokenStore } from '../auth/tokens';
import type { Metrics } from '../ops/metrics';
import { roomName } from './scope-room';
import type { ScopeRegistry } from './scope-registry';
import type { RingEntry } from './update-ring';

/** Scopes one socket may follow at once (tiles of one wall share one scope; a director drills down). */
export const MAX_SCOPES_PER_SOCKET = 8;

export type WallNamespace = Namespace<ClientToServerEvents, ServerToClientEvents>;
type WallSocket = Socket<ClientToServerEvents, ServerToClientEvents>;

/** Refuses the handshake with a message the wall can show (it arrives as connect_error). */
export function requireWallToken(tokens: TokenStore) {
  return (socket: WallSocket, next: (error?: Error) => void) => {
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === 'object' && auth !== null && 'token' in auth ? auth.token : undefined;
    const entry = tokens.lookup(typeof token === 'string' ? token : undefined);
    if (!entry) return next(new Error('a valid token is required: connect with auth: { token }'));
    if (!mayRead(entry.role)) return next(new Error(`role ${entry.role} may not watch the wall`));
    next();
  };
}

function send(socket: WallSocket, entry: RingEntry): void {
  if (entry.event === 'wall:snapshot') socket.emit('wall:snapshot', entry.payload);
  else socket.emit('wall:update', entry.payload);
}

/** A client that emitted without an acknowledgement callback still gets served. */
function replyTo<T>(ack: unknown): (reply: Ack<T>) => void {
  return typeof ack === 'function' ? (ack as (reply: Ack<T>) => void) : () => undefined;
}

export function handleWallSocket(socket: WallSocket, registry: ScopeRegistry, metrics: Metrics): void {
  metrics.socketClients.inc();
  socket.on('disconnect', () => metrics.socketClients.dec());

  socket.on('scope:subscribe', (request, ack) => {
    const reply = replyTo<{ scope: string; resumed: boolean }>(ack);
    const parsed = subscribeRequestSchema.safeParse(request);
    if (!parsed.success) return reply({ ok: false, error: firstIssue(parsed.error) });
    const { scope, lastSeq } = parsed.data;
    // every scope a wall follows is computed every tick: one token must not be able to start hundreds
    const followed = [...socket.rooms].filter((r) => r.startsWith('scope:') && r !== roomName(scope)).length;
    if (followed >= MAX_SCOPES_PER_SOCKET) {
      return reply({
        ok: false,
        error: `a wall may follow at most ${MAX_SCOPES_PER_SOCKET} scopes at once: unsubscribe first`,
      });
    }
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
  });

  socket.on('scope:unsubscribe', (request, ack) => {
    const reply = replyTo(ack);
    const parsed = unsubscribeRequestSchema.safeParse(request);
    if (!parsed.success) return reply({ ok: false, error: firstIssue(parsed.error) });
    void socket.leave(roomName(parsed.data.scope));
    reply({ ok: true });
  });
}
