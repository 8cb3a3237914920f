// `npm run backup -- [target directory]`: backs up the embedded store and the rest of DATA_DIR (the
// ingest spool, generated tokens). Stop the server first: the embedded engine locks its directory.
// How to back up a ClickHouse server instead (CLICKHOUSE_URL): docs/operations.md.
import path from 'node:path';
import { loadConfig } from '../server/config';
import { backupStore } from './store-backup';

const config = loadConfig();
if (config.clickhouseUrl) {
  console.error(
    'CLICKHOUSE_URL is set: back up the ClickHouse server with its own BACKUP (docs/operations.md); this script backs up the embedded store',
  );
  process.exit(2);
}
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = path.resolve(process.argv[2] ?? path.join('backups', `command-wall-${stamp}`));
try {
  const manifest = backupStore(config.dataDir, target);
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  console.log(
    `backed up ${config.dataDir} to ${target}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, files: ${manifest.files.join(', ') || 'none'}`,
  );
} catch (error) {
  console.error(`backup failed: ${(error as Error).message}`);
  process.exit(1);
}
