// Who may use the /wall namespace, and who is shown out. The handshake needs a token of role wall or
// above and a free socket under the token's cap; every message after it passes the socket's budget and
// a fresh look at its token (removed or demoted in the token file means out). Refusals are codes from
// shared/wall-errors.ts; the token itself is never kept on the socket nor written to a log.
import type { Namespace, Socket } from 'socket.io';
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from '@shared/wall-events';
import type { WallError, WallErrorCode, WallErrorDetail } from '@shared/wall-errors';
import { mayRead, type TokenStore } from '../auth/tokens';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import { dropConnection, MessageBudget } from './socket-limits';

export type WallNamespace = Namespace<ClientToServerEvents, ServerToClientEvents, never, SocketData>;
export type WallSocket = Socket<ClientToServerEvents, ServerToClientEvents, never, SocketData>;

/** What a socket.io middleware refusal carries: the client reads the code from message (and data). */
export function wallRefusal(code: WallErrorCode, detail?: WallErrorDetail): Error & { data: WallError } {
  return Object.assign(new Error(code), { data: detail ? { code, detail } : { code } });
}

export interface DoorDeps {
  tokens: TokenStore;
  metrics: Metrics;
  logger: Logger;
  maxSocketsPerToken: number;
  messagesPerS: number;
  messageBurst: number;
}

const KNOWN_EVENTS = new Set<string>(['scope:subscribe', 'scope:unsubscribe'] satisfies Array<
  keyof ClientToServerEvents
>);

export class WallDoor {
  /** open sockets per token digest */
  private readonly openSockets = new Map<string, number>();

  constructor(private readonly deps: DoorDeps) {}

  /** Handshake middleware: refuses with a code that arrives as connect_error's message. */
  readonly admit = (socket: WallSocket, next: (error?: Error) => void): void => {
    const auth: unknown = socket.handshake.auth;
    const token = typeof auth === 'object' && auth !== null && 'token' in auth ? auth.token : undefined;
    const entry = this.deps.tokens.lookup(token);
    const refuse = (code: WallErrorCode, detail?: WallErrorDetail) => {
      this.deps.metrics.socketRefused.inc({ code });
      this.deps.logger.debug(
        { code, tokenName: entry?.name, address: socket.handshake.address },
        'wall socket refused',
      );
      next(wallRefusal(code, detail));
    };
    if (token === undefined || token === '') return refuse('token-missing');
    if (!entry) return refuse('token-invalid');
    if (!mayRead(entry.role)) return refuse('forbidden');
    const limit = this.deps.maxSocketsPerToken;
    if ((this.openSockets.get(entry.id) ?? 0) >= limit) return refuse('too-many-sockets', { limit });
    socket.data = { tokenName: entry.name, role: entry.role, tokenId: entry.id };
    next();
  };

  /** Counts the socket against its token and guards each message it sends; false when it was shown out. */
  enter(socket: WallSocket): boolean {
    const { tokenId } = socket.data;
    const count = (this.openSockets.get(tokenId) ?? 0) + 1;
    this.openSockets.set(tokenId, count);
    socket.on('disconnect', () => {
      const left = (this.openSockets.get(tokenId) ?? 1) - 1;
      if (left > 0) this.openSockets.set(tokenId, left);
      else this.openSockets.delete(tokenId);
    });
    // handshakes of one token that passed the check side by side: the ones past the cap leave again
    if (count > this.deps.maxSocketsPerToken) {
      this.showOut(socket, 'too-many-sockets');
      return false;
    }
    const budget = new MessageBudget(this.deps.messagesPerS, this.deps.messageBurst);
    socket.use((packet, next) => this.screen(socket, budget, packet, next));
    return true;
  }

  /** After the token file changed: removed tokens and tokens that may no longer watch are shown out. */
  recheck(nsp: WallNamespace): void {
    for (const socket of nsp.sockets.values()) {
      const verdict = this.currentCaller(socket);
      if (verdict) this.showOut(socket, verdict);
    }
  }

  /** Tells the wall why (when it still reads), then closes the socket. */
  showOut(socket: WallSocket, code: WallErrorCode): void {
    this.deps.metrics.socketClosedByServer.inc({ reason: code });
    this.deps.logger.info(
      { reason: code, tokenName: socket.data.tokenName, socket: socket.id },
      'wall socket closed by the server',
    );
    if (code === 'slow-reader') {
      socket.disconnect(true);
      dropConnection(socket.conn);
      return;
    }
    socket.emit('wall:closing', { error: code });
    socket.disconnect(true);
  }

  /** The socket's caller as the token file says now; a code when it may no longer be here. */
  private currentCaller(socket: WallSocket): WallErrorCode | undefined {
    const entry = this.deps.tokens.byId(socket.data.tokenId);
    if (!entry) return 'token-revoked';
    socket.data.role = entry.role;
    socket.data.tokenName = entry.name;
    return mayRead(entry.role) ? undefined : 'forbidden';
  }

  /**
   * Per-message middleware. It brings every packet to one shape, [event, request, ack], so handlers
   * always have an ack to answer (a no-op when the client asked for none) whatever the client sent.
   */
  private screen(socket: WallSocket, budget: MessageBudget, packet: unknown[], next: (error?: Error) => void): void {
    const [event, ...args] = packet;
    const ack = typeof args.at(-1) === 'function' ? (args.pop() as (reply: unknown) => void) : () => undefined;
    const refuse = (code: WallErrorCode, detail?: WallErrorDetail) =>
      ack(detail ? { ok: false, error: code, detail } : { ok: false, error: code });
    const spent = budget.take();
    if (!spent.ok) {
      refuse('rate-limited', { retryAfterMs: spent.retryAfterMs });
      if (spent.abusive) this.showOut(socket, 'rate-limited');
      return;
    }
    const gone = this.currentCaller(socket);
    if (gone) {
      refuse(gone);
      this.showOut(socket, gone);
      return;
    }
    if (typeof event !== 'string' || !KNOWN_EVENTS.has(event)) return refuse('unknown-event');
    packet.length = 0;
    packet.push(event, args[0], ack);
    next();
  }
}
