// Backup and restore of the embedded store (npm run backup / npm run restore). ClickHouse's own
// BACKUP DATABASE ... TO File(...) copies every table, view and part; chDB allows it once the engine
// is given backups.allowed_path at connect. The rest of DATA_DIR (the ingest spool: accepted cases
// not yet in ClickHouse; generated tokens) is copied beside it. A manifest records each table's rows
// and content fingerprint, and a restore is checked against it before it reports success.
//
// The embedded engine locks its directory: the server must be stopped for a backup (a second
// process cannot open the store), and the spool must not change under the copy either.
import fs from 'node:fs';
import path from 'node:path';
import { Session } from 'chdb';

/** The backup's SQL, one statement per file in server/queries/backup/ (run through chDB's Session, not the server's wrapper). */
const loadQuery = (name: string) =>
  fs.readFileSync(path.resolve(import.meta.dirname, '..', 'server', 'queries', 'backup', `${name}.sql`), 'utf8');

const MANIFEST = 'manifest.json';
const STORE = 'clickhouse';
const FILES = 'files';

export interface TableFingerprint {
  engine: string;
  rows: number;
  fingerprint: string;
}

export interface BackupManifest {
  createdAt: string;
  dataDir: string;
  tables: Record<string, TableFingerprint>;
  /** DATA_DIR entries besides the store, copied as they were (spool, tokens) */
  files: string[];
}

export class StoreInUseError extends Error {}

function openStore(dataDir: string, backupsDir: string): Session {
  const dir = path.join(dataDir, STORE);
  const pid = runningEngine(dir);
  if (pid !== undefined)
    throw new StoreInUseError(
      `the store in ${dir} is open by a running server (pid ${pid}): stop it first (systemctl stop command-wall)`,
    );
  fs.mkdirSync(dir, { recursive: true });
  return new Session(dir, { connectionArgs: [`--backups.allowed_path=${backupsDir}${path.sep}`] });
}

/** The pid in the engine's status file when that process is alive (the file outlives a killed server). */
function runningEngine(storeDir: string): number | undefined {
  const status = path.join(storeDir, 'status');
  if (!fs.existsSync(status)) return undefined;
  const pid = Number(/PID:\s*(\d+)/.exec(fs.readFileSync(status, 'utf8'))?.[1]);
  if (!pid || pid === process.pid) return undefined;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

function rowsOf<Row>(text: string): Row[] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row);
}

/** Rows and fingerprint of every data table; FINAL where merges collapse rows. */
export function fingerprintTables(session: Session): Record<string, TableFingerprint> {
  const tables: Record<string, TableFingerprint> = {};
  for (const { name, engine } of rowsOf<{ name: string; engine: string }>(
    session.query(loadQuery('store-tables'), 'JSONEachRow'),
  )) {
    const collapsing = /Replacing|Summing|Aggregating|Collapsing/.test(engine);
    const sql = loadQuery(collapsing ? 'table-fingerprint-final' : 'table-fingerprint');
    const [row] = rowsOf<{ rows: string | number; fingerprint: string }>(
      session.queryBind(sql, { table: name }, 'JSONEachRow'),
    );
    tables[name] = { engine, rows: Number(row.rows), fingerprint: row.fingerprint };
  }
  return tables;
}

function copyFiles(fromDir: string, toDir: string, skip: string): string[] {
  if (!fs.existsSync(fromDir)) return [];
  const names = fs.readdirSync(fromDir).filter((name) => name !== skip);
  fs.mkdirSync(toDir, { recursive: true });
  for (const name of names) fs.cpSync(path.join(fromDir, name), path.join(toDir, name), { recursive: true });
  return names;
}

/** Backs up DATA_DIR (server stopped) into `target`, a new or empty directory. */
export function backupStore(dataDir: string, target: string): BackupManifest {
  const targetDir = path.resolve(target);
  if (fs.existsSync(targetDir) && fs.readdirSync(targetDir).length > 0)
    throw new Error(`${targetDir} is not empty: back up into a new directory`);
  if (!fs.existsSync(path.join(dataDir, STORE, 'metadata'))) throw new Error(`no embedded store in ${dataDir}`);
  fs.mkdirSync(targetDir, { recursive: true });
  const session = openStore(dataDir, targetDir);
  try {
    const tables = fingerprintTables(session);
    session.queryBind(loadQuery('backup-database'), { path: path.join(targetDir, STORE) }, 'JSONEachRow');
    const files = copyFiles(dataDir, path.join(targetDir, FILES), STORE);
    const manifest: BackupManifest = { createdAt: new Date().toISOString(), dataDir, tables, files };
    fs.writeFileSync(path.join(targetDir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    return manifest;
  } finally {
    session.close();
  }
}

/** Restores a backup into DATA_DIR, which must hold no store yet; throws unless every table matches the manifest. */
export function restoreStore(source: string, dataDir: string): BackupManifest {
  const sourceDir = path.resolve(source);
  const manifestFile = path.join(sourceDir, MANIFEST);
  if (!fs.existsSync(manifestFile)) throw new Error(`${sourceDir} is not a Command Wall backup (no ${MANIFEST})`);
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BackupManifest;
  for (const name of manifest.files) {
    if (fs.existsSync(path.join(dataDir, name)))
      throw new Error(`${path.join(dataDir, name)} exists: restore into a new DATA_DIR`);
  }
  const session = openStore(dataDir, sourceDir);
  try {
    if (Object.keys(fingerprintTables(session)).length > 0) {
      throw new Error(`${dataDir} already holds a store: restore into a new DATA_DIR (move the old one aside)`);
    }
    session.queryBind(loadQuery('restore-database'), { path: path.join(sourceDir, STORE) }, 'JSONEachRow');
    const restored = fingerprintTables(session);
    const differences = Object.entries(manifest.tables)
      .filter(
        ([name, table]) => restored[name]?.rows !== table.rows || restored[name]?.fingerprint !== table.fingerprint,
      )
      .map(([name, table]) => `${name}: backed up ${table.rows} rows, restored ${restored[name]?.rows ?? 'none'}`);
    if (differences.length > 0)
      throw new Error(`the restored store differs from the backup: ${differences.join('; ')}`);
  } finally {
    session.close();
  }
  copyFiles(path.join(sourceDir, FILES), dataDir, '');
  return manifest;
}
