// Applies the numbered schema files in server/migrations at start. Idempotent: each file is
// recorded in schema_migrations once applied, and every statement is itself IF NOT EXISTS.
import fs from 'node:fs';
import path from 'node:path';
import type { ClickHouse } from './client';
import { tuneIngestMerges } from './merge-tuning';

const MIGRATIONS_DIR = path.resolve(import.meta.dirname, '..', 'migrations');

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((file) => /^\d{4}_[\w-]+\.sql$/.test(file))
    .sort()
    .map((file) => ({
      version: Number(file.slice(0, 4)),
      name: file,
      statements: splitStatements(fs.readFileSync(path.join(dir, file), 'utf8')),
    }));
}

/** Splits a file on semicolons that end a line, after dropping `--` comment lines. */
export function splitStatements(sql: string): string[] {
  return sql
    .split('\n')
    .filter((line) => !line.trim().startsWith('--'))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export async function migrate(clickhouse: ClickHouse, migrations = loadMigrations()): Promise<number[]> {
  await clickhouse.command(
    'migrations:table',
    `CREATE TABLE IF NOT EXISTS schema_migrations
     (version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
     ENGINE = MergeTree ORDER BY version`,
  );
  const applied = new Set(
    (await clickhouse.query<{ version: number }>('migrations:applied', 'SELECT version FROM schema_migrations')).map(
      (row) => row.version,
    ),
  );
  const newlyApplied: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    for (const statement of migration.statements) {
      await clickhouse.command(`migration:${migration.version}`, statement);
    }
    await clickhouse.insert('schema_migrations', [{ version: migration.version, name: migration.name }]);
    newlyApplied.push(migration.version);
  }
  await tuneIngestMerges(clickhouse);
  return newlyApplied;
}
