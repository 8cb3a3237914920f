// The /wall Socket.IO namespace: scopes computed once per tick and sent to their rooms.
// create-server.ts calls this; the namespace, the tick and the rooms live and die with the server.
import type { Server as SocketServer } from 'socket.io';
import { WALL_NAMESPACE } from '@shared/wall-events';
import type { TokenStore } from '../auth/tokens';
import type { ClickHouse } from '../clickhouse/client';
import type { Clock } from '../clock';
import type { ServerConfig } from '../config';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import { ScopeRegistry } from './scope-registry';
import { handleWallSocket, requireWallToken, type WallNamespace } from './wall-handlers';

export interface WallDeps {
  io: SocketServer;
  clickhouse: ClickHouse;
  clock: Clock;
  config: ServerConfig;
  metrics: Metrics;
  logger: Logger;
  tokens: TokenStore;
}

/**
 * How long a tick waits for ClickHouse before it sends the last good data flagged degraded: long
 * enough that a merely slow query makes the next ticks skip (counted) rather than flicker, short
 * enough that a ClickHouse that stopped answering shows on the wall within seconds.
 */
export function tickBudgetMs(tickMs: number): number {
  return Math.max(3 * tickMs, 3_000);
}

export function attachWall(deps: WallDeps) {
  const nsp = deps.io.of(WALL_NAMESPACE) as unknown as WallNamespace;
  const registry = new ScopeRegistry({
    clickhouse: deps.clickhouse,
    clock: deps.clock,
    logger: deps.logger,
    metrics: deps.metrics,
    tickMs: deps.config.tickMs,
    budgetMs: tickBudgetMs(deps.config.tickMs),
    watchers: (room) => nsp.adapter.rooms.get(room)?.size ?? 0,
    broadcast: (room, entry) => {
      if (entry.event === 'wall:snapshot') nsp.to(room).emit('wall:snapshot', entry.payload);
      else nsp.to(room).emit('wall:update', entry.payload);
    },
  });
  nsp.use(requireWallToken(deps.tokens));
  nsp.on('connection', (socket) => handleWallSocket(socket, registry, deps.metrics));

  return {
    registry,
    start(): void {
      registry.start();
    },
    stop(): void {
      registry.stop();
    },
  };
}
