// The /wall Socket.IO namespace: scopes computed once per tick and sent to their rooms.
// (Filled in by the live stream work; this is the seam create-server.ts calls.)
import type { Server as SocketServer } from 'socket.io';
import type { TokenStore } from '../auth/tokens';
import type { ClickHouse } from '../clickhouse/client';
import type { Clock } from '../clock';
import type { ServerConfig } from '../config';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';

export interface WallDeps {
  io: SocketServer;
  clickhouse: ClickHouse;
  clock: Clock;
  config: ServerConfig;
  metrics: Metrics;
  logger: Logger;
  tokens: TokenStore;
}

export function attachWall(_deps: WallDeps) {
  return {
    start(): void {},
    stop(): void {},
  };
}
