// Runs the server as a process: listens, prints the wall URL, stops gracefully on SIGTERM/SIGINT.
// `npm start` runs it alone (server/main.ts); `npm run demo` (simulator/main.ts) adds a companion,
// the simulator, started once the store is ready and stopped before the server.
import type { ServerConfig } from './config';
import { createServer, type CommandWallServer } from './create-server';

/** Something that runs beside the server in the same process; resolves with its stop function. */
export type Companion = (server: CommandWallServer, baseUrl: string) => Promise<() => Promise<void>>;

export async function runServer(config: ServerConfig, companion?: Companion): Promise<void> {
  const server = createServer({ config });
  const { port, ready } = await server.start();
  const wallToken = server.tokens.firstOf('wall')?.token;
  const url = `http://${config.host}:${port}/`;
  server.logger.info(
    { port, clickhouse: server.clickhouse.mode, tokens: server.tokens.source },
    'Command Wall listening',
  );

  let stopCompanion: (() => Promise<void>) | undefined;
  if (companion) {
    await ready;
    stopCompanion = await companion(server, `http://127.0.0.1:${port}`);
  }
  // The display token goes to a person at a terminal, or to whoever runs the demo (its whole point is
  // a wall to open), never into the log of a service a manager collects.
  if ((process.stdout.isTTY || companion) && wallToken)
    process.stdout.write(`\n  Command Wall: ${url}?token=${wallToken}\n\n`);
  else
    server.logger.info({ url, tokens: server.tokens.source }, 'open the wall with ?token=<a wall token of the file>');

  let stopping = false;
  async function shutdown(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    server.logger.info({ signal }, 'shutting down: flushing pending batches');
    await stopCompanion?.();
    await server.stop();
    process.exit(0);
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
