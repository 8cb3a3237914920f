// `npm run restore -- <backup directory>`: restores a backup made by `npm run backup` into DATA_DIR,
// which must hold no store yet (restore into a new directory, then point the service at it). Every
// table is checked against the backup's manifest (rows and content fingerprint) before success.
import { loadConfig } from '../server/config';
import { restoreStore } from './store-backup';

const source = process.argv[2];
if (!source) {
  console.error('usage: DATA_DIR=<new data directory> npm run restore -- <backup directory>');
  process.exit(2);
}
const config = loadConfig();
try {
  const manifest = restoreStore(source, config.dataDir);
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  console.log(
    `restored ${source} (made ${manifest.createdAt}) into ${config.dataDir}: ${Object.keys(manifest.tables).length} tables, ${rows} rows, all matching the backup`,
  );
} catch (error) {
  console.error(`restore failed: ${(error as Error).message}`);
  process.exit(1);
}
