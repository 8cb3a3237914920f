// How eagerly ClickHouse merges the parts of the tables every ingest writes: case_versions and each
// table a materialized view fills from it (sixteen parts an insert). With the default merge selector
// base (5), a row was rewritten by merges two to three times within a minute of landing, about a
// quarter of the ingest's CPU; with a base of 20, young parts wait until there are more of them and
// merge in fewer, larger steps (parts older than about ten seconds still merge as eagerly as before,
// so reads see a few more parts only for those seconds). Measured in docs/benchmarks.md, "Ingest".
//
// A setting, not a migration: an older ClickHouse server behind CLICKHOUSE_URL may not know it, and
// then the tables keep the default.
import type { ClickHouse } from './client';

export const INGEST_MERGE_SELECTOR_BASE = 20;

/** case_versions and the tables its materialized views write to. */
export async function tablesFedByIngest(clickhouse: ClickHouse): Promise<string[]> {
  const views = await clickhouse.query<{ create_table_query: string }>(
    'merges:ingest-tables',
    `SELECT create_table_query FROM system.tables
     WHERE database = currentDatabase() AND engine = 'MaterializedView'`,
  );
  const targets = views
    .filter((view) => /\bFROM\s+(?:[\w.]+\.)?case_versions\b/i.test(view.create_table_query))
    .map((view) => /\bTO ([\w.]+)/.exec(view.create_table_query)?.[1].split('.').pop())
    .filter((table): table is string => table !== undefined);
  return ['case_versions', ...new Set(targets)];
}

export async function tuneIngestMerges(clickhouse: ClickHouse): Promise<void> {
  const known = await clickhouse.query<{ n: number }>(
    'merges:setting-known',
    "SELECT count() AS n FROM system.merge_tree_settings WHERE name = 'merge_selector_base'",
  );
  if (Number(known[0]?.n ?? 0) === 0) return;
  const tables = await clickhouse.query<{ name: string; create_table_query: string }>(
    'merges:tables',
    'SELECT name, create_table_query FROM system.tables WHERE database = currentDatabase()',
  );
  const created = new Map(tables.map((t) => [t.name, t.create_table_query]));
  const setting = `merge_selector_base = ${INGEST_MERGE_SELECTOR_BASE}`;
  for (const table of await tablesFedByIngest(clickhouse)) {
    if (created.get(table)?.includes(setting)) continue;
    await clickhouse.command('merges:tune', `ALTER TABLE ${table} MODIFY SETTING ${setting}`);
  }
}
