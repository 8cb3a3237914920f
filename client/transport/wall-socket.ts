// The one owner of the /wall Socket.IO connection. It subscribes on every (re)connect presenting the
// last seq it has, so the server can resend what was missed; it hands payloads to the wall store and
// resubscribes when the store sees a seq gap. Components never touch the socket.
import { io, type Socket } from 'socket.io-client';
import {
  WALL_NAMESPACE,
  WALL_RECONNECT,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SubscribeRequest,
  type WallSnapshot,
  type WallUpdate,
} from '@shared/wall-events';
import type { Scope } from '@shared/regions';
import { isWallErrorCode, type WallErrorCode } from '@shared/wall-errors';
import { useConnectionStore } from '@client/stores/connection-store';
import { useWallStore } from '@client/stores/wall-store';

type WallSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 5_000;
/** After a refusal socket.io stops retrying by itself; a kiosk must not, the token may be re-issued. */
const RETRY_AFTER_REFUSAL_MS = 30_000;
/** Gaps arrive on every tick until the resend lands: ask again at most this often. */
const MIN_RESUBSCRIBE_INTERVAL_MS = 2_000;
/** A server that disconnects us on purpose (shutting down, restarting) gets this long before we return. */
const RECONNECT_AFTER_SERVER_DISCONNECT_MS = 2_000;

/** The code of a refused handshake: the server puts it in the message (and in data, with details). */
export function refusalCode(err: Error & { data?: unknown }): string {
  const data = err.data as { code?: unknown } | undefined;
  if (isWallErrorCode(data?.code)) return data.code;
  return err.message;
}

export interface WallTransport {
  /** Leave the current scope and follow another one from its snapshot. */
  setScope(scope: Scope): void;
  /** Close the connection and remove every listener (tests, hot reload). */
  stop(): void;
}

export interface WallTransportOptions {
  token: string;
  scope: Scope;
  /** the wall group (?wall=); absent: the server puts the display in the scope's own group */
  wall?: string | null;
  url?: string;
}

export function startWallTransport(options: WallTransportOptions): WallTransport {
  const wall = useWallStore();
  const connection = useConnectionStore();
  let scope = options.scope;
  let lastSubscribeAtMs = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  wall.reset(scope);

  // Same origin by default: the Express server serves both the wall and /wall.
  const socket: WallSocket = io(`${options.url ?? ''}${WALL_NAMESPACE}`, {
    auth: { token: options.token },
    ...WALL_RECONNECT,
  });

  function subscribe(): void {
    const state = wall.state;
    // Presenting lastSeq only makes sense for the scope it belongs to.
    const lastSeq = state && state.scope === scope ? state.seq : undefined;
    const requested = scope;
    lastSubscribeAtMs = Date.now();
    const request: SubscribeRequest = { scope: requested, lastSeq };
    // The group holds the mode: a display that reloads names it again and rejoins frozen or replay.
    if (options.wall) request.wall = options.wall;
    socket.timeout(ACK_TIMEOUT_MS).emit('scope:subscribe', request, (err, reply) => {
      if (requested !== scope) return;
      if (err) connection.subscribeError = 'no-answer';
      else connection.subscribeError = reply.ok ? null : reply.error;
    });
  }

  function onConnect(): void {
    connection.markConnected();
    subscribe();
  }

  function onDisconnect(reason: Socket.DisconnectReason): void {
    connection.markDisconnected();
    // Socket.IO reconnects by itself after a lost connection, but not after the server said goodbye
    // (a graceful shutdown disconnects every socket): a kiosk must come back when the server does.
    if (reason === 'io server disconnect') retryLater(RECONNECT_AFTER_SERVER_DISCONNECT_MS);
  }

  function retryLater(delayMs: number): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(() => {
      retryTimer = null;
      socket.connect();
    }, delayMs);
  }

  function onConnectError(err: Error): void {
    connection.markDisconnected();
    // While socket.active, the manager retries by itself (network down, server restarting).
    // Inactive means the server's middleware refused us: say so, and try again later anyway.
    if (socket.active) return;
    connection.markRefused(refusalCode(err));
    retryLater(RETRY_AFTER_REFUSAL_MS);
  }

  /** The server closes this socket on purpose (token revoked, role changed): keep its reason to show. */
  function onClosing(notice: { error: WallErrorCode }): void {
    connection.markRefused(notice.error);
  }

  function onSnapshot(snapshot: WallSnapshot): void {
    wall.applySnapshot(snapshot);
  }

  function onUpdate(update: WallUpdate): void {
    const outcome = wall.applyUpdate(update);
    if (outcome === 'gap' && Date.now() - lastSubscribeAtMs >= MIN_RESUBSCRIBE_INTERVAL_MS) subscribe();
  }

  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  socket.on('connect_error', onConnectError);
  socket.on('wall:closing', onClosing);
  socket.on('wall:snapshot', onSnapshot);
  socket.on('wall:update', onUpdate);

  return {
    setScope(next: Scope): void {
      if (next === scope) return;
      const previous = scope;
      scope = next;
      wall.reset(next);
      if (!socket.connected) return; // onConnect subscribes to the new scope
      socket.timeout(ACK_TIMEOUT_MS).emit('scope:unsubscribe', { scope: previous }, () => undefined);
      subscribe();
    },
    stop(): void {
      if (retryTimer) clearTimeout(retryTimer);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
      socket.off('connect_error', onConnectError);
      socket.off('wall:closing', onClosing);
      socket.off('wall:snapshot', onSnapshot);
      socket.off('wall:update', onUpdate);
      socket.disconnect();
    },
  };
}
