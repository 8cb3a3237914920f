// One query, one module: its SQL file (read once, at load), the typed input it takes, how that input
// becomes the SQL's typed parameters ({name:Type}), how rows become the result, and the name it is
// counted under in /metrics. Callers run it with runQuery and never see SQL, rows or parameter names,
// so the tick, the statistics API, the detectors and a replay can share one query.
import fs from 'node:fs';
import type { ClickHouse, QueryOptions, QueryParams } from './client';

export interface QuerySpec<Input, Row, Result> {
  /** the label of commandwall_clickhouse_query*{query} */
  name: string;
  /** the .sql file, e.g. new URL('./wall-feed.sql', import.meta.url) */
  file: URL;
  /** the SQL's parameters for one run */
  params(input: Input): QueryParams;
  parse(rows: Row[], input: Input): Result;
}

export interface Query<Input, Row, Result> extends QuerySpec<Input, Row, Result> {
  readonly sql: string;
}

export function defineQuery<Input, Row, Result>(spec: QuerySpec<Input, Row, Result>): Query<Input, Row, Result> {
  return { ...spec, sql: fs.readFileSync(spec.file, 'utf8') };
}

export async function runQuery<Input, Row, Result>(
  clickhouse: ClickHouse,
  query: Query<Input, Row, Result>,
  input: Input,
  options?: QueryOptions,
): Promise<Result> {
  const rows = await clickhouse.query<Row>(query.name, query.sql, query.params(input), options);
  return query.parse(rows, input);
}
