// Command-line entry: `npm start` (server only) and `npm run demo` (server + backfill + live simulator).
import { loadConfig } from './config';
import { createServer } from './create-server';

const demo = process.argv.includes('--demo');
const config = loadConfig();
const server = createServer({ config });
const { port, ready } = await server.start();
const wallToken = server.tokens.firstOf('wall')?.token;
const url = `http://${config.host}:${port}/`;
server.logger.info({ port, clickhouse: server.clickhouse.mode, tokens: server.tokens.source }, 'Command Wall listening');

let stopDemo: (() => Promise<void>) | undefined;
if (demo && config.simulator) {
  await ready;
  // the simulator is loaded only for the demo: `npm start` serves real data only
  const { runDemo } = await import('@simulator/demo');
  stopDemo = await runDemo({ server, config, baseUrl: `http://127.0.0.1:${port}` });
}
process.stdout.write(`\n  Command Wall: ${url}${wallToken ? `?token=${wallToken}` : ''}\n\n`);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  server.logger.info({ signal }, 'shutting down: flushing pending batches');
  await stopDemo?.();
  await server.stop();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
