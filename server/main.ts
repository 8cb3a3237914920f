// Command-line entry of `npm start`: the server alone, serving real data only. `npm run demo` starts
// the same server with the simulator beside it (simulator/main.ts).
import { loadConfig } from './config';
import { runServer } from './run-server';

await runServer(loadConfig());
