// The one ClickHouse wrapper. The embedded engine (chDB in-process) and a ClickHouse server are two
// connections behind the same @clickhouse/client API, not two code paths. Every query is timed
// into the metrics and fixed to JSONEachRow with typed parameters, 64-bit integers as JSON numbers
// (counts and epoch milliseconds stay far below 2^53), and goes through one of two lanes
// (read-lanes.ts): live work straight through, ad-hoc reads only when they cannot hold it up.
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { ClickHouseLogLevel, createClient, type ClickHouseClient } from '@clickhouse/client';

import { createChdbConnection, type ChdbConnection } from 'chdb/connection';
import type { Metrics } from '../ops/metrics';
import { encodeRows, type EncodedRows } from './encoded-rows';
import { createAnswerTracker } from './answer-tracker';
import { AdhocReadRefused, ReadLanes, type AdhocLaneOptions } from './read-lanes';

type ClientOptions = NonNullable<Parameters<typeof createClient>[0]>;

export type ClickHouseMode = 'embedded' | 'server';

export interface ClickHouseOptions {
  dataDir: string;
  url?: string;
  user?: string;
  password?: string;
  database?: string;
  metrics?: Metrics;
  /** per-request timeout against a server; a dead server must fail fast so the ingest can spool */
  requestTimeoutMs?: number;
  /** the ad-hoc lane; by default one read at a time behind live work (embedded), four side by side (server) */
  adhocLane?: Partial<AdhocLaneOptions>;
}

export type QueryParams = Record<string, unknown>;

export interface QueryOptions {
  /** 'adhoc': a caller's read (the statistics API) that must never hold up ticks or ingest */
  lane?: 'live' | 'adhoc';
  /** adhoc: when the read must have answered (epoch ms), waiting included; default 10 s from now */
  deadlineMs?: number;
}

/** ClickHouse's TIMEOUT_EXCEEDED: max_execution_time tripped. */
const TIMEOUT_EXCEEDED = '159';
const DEFAULT_ADHOC_MS = 10_000;

/** Settings every query carries. 64-bit integers come as JSON numbers, so rows need no Number(). */
const OUTPUT_SETTINGS = { output_format_json_quote_64bit_integers: 0 } as const;

/**
 * Every insert feeds several materialized views: run them side by side, and skip the in-block
 * collapsing of Summing/Replacing engines (merges do it; the ingest already removes duplicates).
 * Measured here on 5,000-row batches: about 1.2x the insert rate.
 * A batch may span many days (late reports, a sender catching up): the daily-partitioned minute
 * rollup must take them all rather than refuse the insert (the default limit is 100 partitions).
 */
const INSERT_SETTINGS = {
  parallel_view_processing: 1,
  optimize_on_insert: 0,
  max_partitions_per_insert_block: '0',
} as const;

export interface ClickHouse {
  readonly mode: ClickHouseMode;
  query<Row>(name: string, sql: string, params?: QueryParams, options?: QueryOptions): Promise<Row[]>;
  command(name: string, sql: string, params?: QueryParams): Promise<void>;
  /**
   * Inserts rows of one shape (the first row's keys name the columns; a missing value takes the column
   * default). With a dedupToken, repeating the insert keeps what landed and writes only what did not,
   * in the table and in every materialized view fed from it.
   */
  insert<Row extends object>(table: string, rows: Row[], options?: InsertOptions): Promise<void>;
  /** The same, for rows already encoded (encoded-rows.ts): the ingest encodes a batch once for its journal and the insert. */
  insertEncoded(table: string, encoded: EncodedRows, options?: InsertOptions): Promise<void>;
  ping(): Promise<boolean>;
  /**
   * Whether a query or insert answered within the last `withinMs` and none failed since: /healthz
   * needs no ping of its own then (a ping waits behind the engine's running insert).
   */
  answeredWithin(withinMs: number): boolean;
  close(): Promise<void>;
  /** ad-hoc reads waiting for and running in their lane */
  readonly adhocState: { waiting: number; running: number };
}

export interface InsertOptions {
  dedupToken?: string;
}

/** An identifier as ClickHouse quotes it. */
const quoted = (name: string) => `\`${name.replaceAll('\\', '\\\\').replaceAll('`', '\\`')}\``;

export function createClickHouse(options: ClickHouseOptions): ClickHouse {
  const mode: ClickHouseMode = options.url ? 'server' : 'embedded';
  const embedded = mode === 'embedded' ? embeddedClient(options.dataDir) : undefined;
  const client = embedded?.client ?? serverClient(options);
  const metrics = options.metrics;
  const lanes = new ReadLanes({
    concurrency: mode === 'server' ? 4 : 1,
    queueLimit: 32,
    yieldToLive: mode === 'embedded',
    restRatio: mode === 'embedded' ? 1 : 0,
    ...options.adhocLane,
  });

  const answers = createAnswerTracker();
  async function timed<T>(name: string, run: () => Promise<T>): Promise<T> {
    const stop = metrics?.clickhouseQueryDuration.startTimer({ query: name });
    try {
      const result = await run();
      stop?.({ outcome: 'ok' });
      answers.answered();
      return result;
    } catch (error) {
      stop?.({ outcome: 'error' });
      answers.failed();
      throw error;
    } finally {
      metrics?.clickhouseQueries.inc({ query: name });
    }
  }

  async function adhocRead<Row>(name: string, sql: string, params: QueryParams, deadlineMs: number): Promise<Row[]> {
    return lanes.adhoc(async () => {
      const leftMs = deadlineMs - Date.now();
      if (leftMs <= 0) throw new AdhocReadRefused('time limit', `${name}: no time left within the read's time limit`);
      try {
        return await timed(name, async () => {
          // embedded: one core for the read, the other stays with the event loop that sends the ticks
          const settings = { max_execution_time: leftMs / 1000, ...(mode === 'embedded' ? { max_threads: 1 } : {}) };
          const result = await client.query({
            query: sql,
            query_params: params,
            format: 'JSONEachRow',
            clickhouse_settings: settings,
          });
          return result.json<Row>();
        });
      } catch (error) {
        if ((error as { code?: unknown }).code === TIMEOUT_EXCEEDED)
          throw new AdhocReadRefused('time limit', `${name}: the read took longer than its time limit`);
        throw error;
      }
    }, deadlineMs);
  }

  /**
   * Rows travel as JSONCompactEachRow (about 1.3x faster for ClickHouse to parse than keyed objects,
   * measured on 16,000-row batches). Embedded, the encoded body goes to chDB's raw insert as it is
   * (no copy into SQL text, parsed by the engine's parallel parser: about 1.5x the rate of the same
   * rows through the client's inline INSERT); against a server, as the body of the INSERT request.
   */
  function insertEncoded(table: string, encoded: EncodedRows, { dedupToken }: InsertOptions): Promise<void> {
    const settings = dedupToken
      ? {
          ...INSERT_SETTINGS,
          insert_deduplicate: 1 as const,
          insert_deduplication_token: dedupToken,
          deduplicate_blocks_in_dependent_materialized_views: 1 as const,
        }
      : INSERT_SETTINGS;
    return lanes.live(() =>
      timed(`insert:${table}`, async () => {
        if (embedded) {
          await embedded.rawInsert({
            table,
            values: encoded.body,
            format: 'JSONCompactEachRow',
            columns: encoded.columns,
            // stated on every insert: settings an earlier query SET in chDB's session outlive it
            settings: { ...settings, max_partitions_per_insert_block: 0, max_threads: 0, max_execution_time: 0 },
          });
          return;
        }
        const result = await client.exec({
          query: `INSERT INTO ${quoted(table)} (${encoded.columns.map(quoted).join(', ')}) FORMAT JSONCompactEachRow`,
          values: Readable.from([encoded.body]),
          clickhouse_settings: settings,
        });
        // the reply carries nothing, but its stream must be read for the connection to be reused
        for await (const chunk of result.stream) void chunk;
      }),
    );
  }

  return {
    mode,
    get adhocState() {
      return lanes.adhocState;
    },
    query: <Row>(name: string, sql: string, params: QueryParams = {}, queryOptions: QueryOptions = {}) => {
      if (queryOptions.lane === 'adhoc')
        return adhocRead<Row>(name, sql, params, queryOptions.deadlineMs ?? Date.now() + DEFAULT_ADHOC_MS);
      return lanes.live(() =>
        timed(name, async () => {
          const result = await client.query({ query: sql, query_params: params, format: 'JSONEachRow' });
          return result.json<Row>();
        }),
      );
    },
    command: (name, sql, params = {}) =>
      lanes.live(() =>
        timed(name, async () => {
          await client.command({ query: sql, query_params: params });
        }),
      ),
    insert: (table, rows, options = {}) =>
      rows.length === 0 ? Promise.resolve() : insertEncoded(table, encodeRows(rows), options),
    insertEncoded: (table, encoded, options = {}) =>
      encoded.rows === 0 ? Promise.resolve() : insertEncoded(table, encoded, options),
    ping: async () => {
      try {
        const result = await client.ping();
        return result.success;
      } catch {
        return false;
      }
    },
    answeredWithin: answers.answeredWithin,
    close: () => client.close(),
  };
}

function serverClient(options: ClickHouseOptions): ClickHouseClient {
  return createClient({
    url: options.url,
    username: options.user,
    password: options.password,
    database: options.database,
    request_timeout: options.requestTimeoutMs ?? 10_000,
    clickhouse_settings: { date_time_input_format: 'best_effort', ...OUTPUT_SETTINGS },
    // failures surface as errors to our own structured log; the client's console logger is noise
    log: { level: ClickHouseLogLevel.OFF },
  });
}

interface EmbeddedClient {
  client: ClickHouseClient;
  /** chDB's raw insert: the encoded body handed to the engine as it is */
  rawInsert: ChdbConnection['chdb']['rawInsert'];
}

function embeddedClient(dataDir: string): EmbeddedClient {
  const dir = path.join(dataDir, 'clickhouse');
  fs.mkdirSync(dir, { recursive: true });
  const connection = createChdbConnection({ path: dir });
  // chDB applies settings as SET statements in its one session, where they outlive the query:
  // every query states the time limit and threads (0: the default, all cores), or an ad-hoc read's
  // limits would bind the next tick or insert
  const client = createClient({
    // chdb types its connection against its own copy of @clickhouse/client-common; the runtime
    // contract is the same (chdb's README), only the declaration files differ.
    connection: connection as unknown as NonNullable<ClientOptions['connection']>,
    clickhouse_settings: { ...OUTPUT_SETTINGS, max_execution_time: 0, max_threads: 0 },
  });
  return { client, rawInsert: (params) => connection.chdb.rawInsert(params) };
}
