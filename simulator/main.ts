// Command-line entry of `npm run demo`: the server as `npm start` runs it, plus the simulator posting
// 90 days of history and live cases to its HTTP ingest. SIMULATOR=off leaves just the server.
import { loadConfig } from '@server/config';
import { runServer } from '@server/run-server';
import { loadSimulatorConfig } from './config';
import { runDemo } from './demo';

const simulator = loadSimulatorConfig();
await runServer(
  loadConfig(),
  simulator.enabled ? (server, baseUrl) => runDemo({ server, simulator, baseUrl }) : undefined,
);
