// Child process of the live benchmark: one Command Wall server on its own event loop (the walls and
// the ingest load run in the parent, so the server's event-loop lag is its own), configured from the
// environment like `npm start`. Prints {"port","wallToken","ingestToken"} on one line, stops on SIGTERM.
import { loadConfig } from '../server/config';
import { createServer } from '../server/create-server';

const server = createServer({
  // a thousand walls on one token here: the cap per token (MAX_SOCKETS_PER_TOKEN) is not under test
  config: {
    ...loadConfig(),
    port: 0,
    logLevel: process.env.LOG_LEVEL || 'silent',
    maxSocketsPerToken: 5_000,
  },
});
const { port, ready } = await server.start();
await ready;
process.stdout.write(
  `${JSON.stringify({ port, wallToken: server.tokens.firstOf('wall')!.token, ingestToken: server.tokens.firstOf('ingest')!.token })}\n`,
);
process.on('SIGTERM', () => {
  void server.stop().then(() => process.exit(0));
});
