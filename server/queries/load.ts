// Queries live one per file in server/queries/*.sql, named after what they answer, with values
// passed only as ClickHouse typed parameters ({name:Type}). Read once at module load.
import fs from 'node:fs';
import path from 'node:path';

const QUERIES_DIR = import.meta.dirname;

export function loadQuery(name: string): string {
  return fs.readFileSync(path.join(QUERIES_DIR, `${name}.sql`), 'utf8');
}
