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
  versions: Array<{ id: string; version_ms: string | number; rows: string | number }>;
  statuses: Array<{ status: string; rollup_cases: string | number; head_cases: string | number }>;
}

const sql = (name: string) => fs.readFileSync(path.join(import.meta.dirname, 'sql', `${name}.sql`), 'utf8');
const config = { ...loadConfig(), simulator: false };
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
    ]).then(
      ([versions, statuses]) => process.send!({ type: 'audit', versions, statuses }),
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
