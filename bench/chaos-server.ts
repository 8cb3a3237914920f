// Child process of the chaos benchmark: the real server (createServer, embedded engine, DATA_DIR and
// PORT from the environment) whose ClickHouse the parent can detach over IPC. Detached, every call
// fails as a refused connection would and ping says no, so the server sees exactly what a dead
// ClickHouse server looks like; in-process because the embedded engine cannot be stopped on its own.
// Answers {type:'audit'} with what is stored, for accepted-versus-stored.
import fs from 'node:fs';
import path from 'node:path';
import { createClickHouse, type ClickHouse } from '../server/clickhouse/client';
import { loadConfig } from '../server/config';
import { createServer } from '../server/create-server';

export type ChaosMessage = { type: 'detach'; detached: boolean } | { type: 'audit' };
export interface ChaosAudit {
  error?: string;
  /** versions in spool/rejected.ndjson (set aside as refused by ClickHouse) */
  setAsideVersions: number;
  /** lines of spool/ingest.ndjson that do not parse (torn writes) */
  unreadableSpoolLines: number;
  versions: Array<{ id: string; version_ms: string | number; rows: string | number }>;
  statuses: Array<{ status: string; rollup_cases: string | number; head_cases: string | number }>;
  /** cases with a stored version but no row in case_heads */
  withoutHead: Array<{ cases: string | number }>;
}

const sql = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'sql', `${name}.sql`), 'utf8');
const config = loadConfig();
const engine = createClickHouse({ dataDir: config.dataDir });
let detached = false;

// a Proxy rather than a copy of the interface: whatever the wrapper grows, all of it detaches
const clickhouse = new Proxy(engine, {
  get(target, property, receiver) {
    const value: unknown = Reflect.get(target, property, receiver);
    if (typeof value !== 'function' || property === 'close') return value;
    return (...args: unknown[]) => {
      if (!detached) return (value as (...a: unknown[]) => unknown).apply(target, args);
      if (property === 'ping') return Promise.resolve(false);
      return Promise.reject(new Error('connect ECONNREFUSED (chaos: ClickHouse detached)'));
    };
  },
}) as ClickHouse;

/** What the spool holds besides pending batches: set-aside versions, torn lines (a lost batch's traces). */
function spoolState(): Pick<ChaosAudit, 'setAsideVersions' | 'unreadableSpoolLines'> {
  const lines = (file: string) =>
    fs.existsSync(file)
      ? fs
          .readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => line.trim() !== '')
      : [];
  const parses = (line: string) => {
    try {
      return JSON.parse(line) as unknown;
    } catch {
      return undefined;
    }
  };
  const setAside = lines(path.join(config.dataDir, 'spool', 'rejected.ndjson')).map(parses) as Array<
    { versions?: unknown[] } | undefined
  >;
  return {
    setAsideVersions: setAside.reduce((n, entry) => n + (entry?.versions?.length ?? 0), 0),
    unreadableSpoolLines: lines(path.join(config.dataDir, 'spool', 'ingest.ndjson')).filter(
      (l) => parses(l) === undefined,
    ).length,
  };
}

const server = createServer({ config, clickhouse });
const { port, ready } = await server.start();
await ready;
process.send!({ type: 'ready', port });

process.on('message', (message: ChaosMessage) => {
  if (message.type === 'detach') detached = message.detached;
  if (message.type === 'audit') {
    void Promise.all([
      engine.query('chaos-stored-versions', sql('chaos-stored-versions')),
      engine.query('chaos-rollup-check', sql('chaos-rollup-check')),
      engine.query('chaos-heads-check', sql('chaos-heads-check')),
    ]).then(
      ([versions, statuses, withoutHead]) =>
        process.send!({ type: 'audit', versions, statuses, withoutHead, ...spoolState() }),
      (error: Error) => process.send!({ type: 'audit', error: error.message }),
    );
  }
});
process.on('SIGTERM', () => {
  void server
    .stop()
    .then(() => engine.close())
    .then(() => process.exit(0));
});
