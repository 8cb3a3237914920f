// The /wall Socket.IO namespace: scopes computed once per tick and sent to their rooms. The root
// namespace serves nobody. create-server.ts calls this; the namespace, the tick and the rooms live
// and die with the server.
import type { Server as SocketServer } from 'socket.io';
import {
  WALL_NAMESPACE,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SocketData,
} from '@shared/wall-events';
import type { TokenStore } from '../auth/tokens';
import type { ClickHouse } from '../clickhouse/client';
import type { Clock } from '../clock';
import type { ServerConfig } from '../config';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import type { WallGroups } from '../walls/wall-groups';
import type { MemoryParts } from './assemble-panels';
import { ScopeRegistry } from './scope-registry';
import { pendingBytes } from './socket-limits';
import { WallDoor, wallRefusal } from './wall-door';
import { handleWallSocket } from './wall-handlers';

export type WallServer = SocketServer<ClientToServerEvents, ServerToClientEvents, never, SocketData>;

export interface WallDeps {
  io: WallServer;
  clickhouse: ClickHouse;
  clock: Clock;
  config: ServerConfig;
  metrics: Metrics;
  logger: Logger;
  tokens: TokenStore;
  /** the parts kept in memory by the write domains, for a scope at a time */
  memoryParts(scope: string, nowMs: number): MemoryParts;
  /** the wall groups (server/walls/): tiles of a frozen or replaying group follow it, not the live scope */
  groups: WallGroups;
}

/** How often every wall socket's unread backlog is measured. */
export const BUFFER_CHECK_MS = 1_000;

/**
 * How long a tick waits for ClickHouse before it sends the last good data flagged degraded: long
 * enough that a merely slow query makes the next ticks skip (counted) rather than flicker, short
 * enough that a ClickHouse that stopped answering shows on the wall within seconds.
 */
export function tickBudgetMs(tickMs: number): number {
  return Math.max(3 * tickMs, 3_000);
}

export function attachWall(deps: WallDeps) {
  const { io, config, metrics, logger } = deps;
  io.of('/').use((_socket, next) => next(wallRefusal('namespace-closed')));
  const nsp = io.of(WALL_NAMESPACE);
  const registry = new ScopeRegistry({
    clickhouse: deps.clickhouse,
    clock: deps.clock,
    logger,
    metrics,
    tickMs: config.tickMs,
    budgetMs: tickBudgetMs(config.tickMs),
    memoryParts: deps.memoryParts,
    watchers: (room) => nsp.adapter.rooms.get(room)?.size ?? 0,
    broadcast: (room, entry) => {
      if (entry.event === 'wall:snapshot') nsp.to(room).emit('wall:snapshot', entry.payload);
      else nsp.to(room).emit('wall:update', entry.payload);
    },
  });
  const door = new WallDoor({
    tokens: deps.tokens,
    metrics,
    logger,
    maxSocketsPerToken: config.maxSocketsPerToken,
    messagesPerS: config.socketMessagesPerS,
    messageBurst: config.socketMessageBurst,
  });
  deps.groups.attach(nsp, registry);
  nsp.use(door.admit);
  nsp.on('connection', (socket) => {
    if (door.enter(socket)) handleWallSocket(socket, { registry, metrics, logger, groups: deps.groups });
  });
  deps.tokens.onChange(() => door.recheck(nsp));

  let bufferTimer: NodeJS.Timeout | undefined;
  /** A wall that stops reading would make the server hold every payload for it: it is shown out. */
  function checkBuffers(): void {
    for (const socket of nsp.sockets.values()) {
      if (pendingBytes(socket.conn) > config.socketMaxBufferBytes) door.showOut(socket, 'slow-reader');
    }
  }

  return {
    registry,
    start(): void {
      registry.start();
      deps.groups.start();
      bufferTimer ??= setInterval(checkBuffers, BUFFER_CHECK_MS);
    },
    /** Stops the tick and says goodbye to every wall at once (they see `io server disconnect`). */
    stop(): void {
      registry.stop();
      deps.groups.stop();
      if (bufferTimer) clearInterval(bufferTimer);
      bufferTimer = undefined;
      nsp.disconnectSockets(true);
    },
  };
}
