// npm run backtest -- --from <ISO> --to <ISO> [--scope national|<adcode>]
// The detectors over DATA_DIR's store (or CLICKHOUSE_URL's) as if live at each hour of the span;
// prints {"alerts": [...]}, the reply of POST /api/v1/alerts/backtest, for any span. The embedded
// engine binds its data directory to one process: stop the server first, or point at a server.
import { parseArgs } from 'node:util';
import { backtestSpanSchema, type BacktestReply } from '@shared/alert-backtest';
import { describeIssues } from '@shared/case-schema';
import { runBacktest } from '../server/alerts/detectors/backtest';
import { alertBudgetPerDay } from '../server/alerts/detectors/budget';
import { createClickHouse } from '../server/clickhouse/client';
import { migrate } from '../server/clickhouse/migrate';
import { loadConfig } from '../server/config';

const { values } = parseArgs({
  options: { from: { type: 'string' }, to: { type: 'string' }, scope: { type: 'string' } },
});
const parsed = backtestSpanSchema.safeParse(values);
if (!parsed.success) {
  process.stderr.write(`usage: npm run backtest -- --from <ISO> --to <ISO> [--scope national|<adcode>]\n`);
  process.stderr.write(`${describeIssues(parsed.error).join('\n')}\n`);
  process.exit(2);
}

const config = loadConfig();
const clickhouse = createClickHouse({
  dataDir: config.dataDir,
  url: config.clickhouseUrl,
  user: config.clickhouseUser,
  password: config.clickhousePassword,
  database: config.clickhouseDatabase,
});
try {
  await migrate(clickhouse);
  const startedMs = Date.now();
  const alerts = await runBacktest(clickhouse, {
    fromMs: Date.parse(parsed.data.from),
    toMs: Date.parse(parsed.data.to),
    scope: parsed.data.scope,
    budgetPerDay: alertBudgetPerDay(),
  });
  process.stdout.write(`${JSON.stringify({ alerts } satisfies BacktestReply, null, 2)}\n`);
  process.stderr.write(`${alerts.length} alerts in ${((Date.now() - startedMs) / 1000).toFixed(1)} s\n`);
} finally {
  await clickhouse.close();
}
