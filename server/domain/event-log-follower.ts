// A write domain's memory of its event log: read whole once at start, read again on a standby when
// the writer's log has grown, and changed only by writes that run one at a time inside the writer
// lease. A write appends its event first and applies it only once stored, so memory never holds what
// a restart would not reproduce; then the change is published on the domain's feed. The domain brings
// its log (the query, the row codec, the fold); notices, incidents and walls use it.
import type { Logger } from 'pino';
import type { ClickHouse } from '../clickhouse/client';
import type { Query } from '../clickhouse/define-query';
import { fencedMemory, type WriteFence } from '../ingest/writer-lease-fence';
import { createChangeFeed, type ChangeFeed } from './change-feed';
import { foldEvents, readEventLog, reportAnomalies } from './event-log';
import { createSerialQueue } from './serial';

/** Why the log is read: at start, on a standby following the writer, or as memory from an earlier lease term. */
export type LogReadReason = 'load' | 'follow' | 'stale';

export interface EventLogSpec<Row, Event, State> {
  /** the domain in logs and on its change feed (`notices`) */
  domain: string;
  /** one record, in the fence's messages and the log's (`notice`, `wall group`) */
  noun: string;
  /** the table events are appended to */
  table: string;
  /** the whole log, in the order it is folded */
  log: Query<void, Row, Row[]>;
  fromRow(row: Row): Event;
  toInsert(event: Event): object;
  /** memory before the first event */
  empty(): State;
  /** the one function start-up and writes apply an event through; returns what did not add up */
  apply(state: State, event: Event): string | undefined;
  /** the counts the "loaded" log line gives besides the events */
  describe(state: State): Record<string, number>;
  /** the domain's "could not be stored" error (503: nothing changed, the caller may retry) */
  StoreError: new (message: string, options?: ErrorOptions) => Error;
  /** After each read, with memory as it stood before (walls tell their streams what changed). */
  afterRead?(reason: LogReadReason, before: State, state: State): void;
}

export interface EventLogDeps {
  clickhouse: ClickHouse;
  logger: Logger;
  /** only the writer-lease holder appends (server/ingest/writer-lease-fence.ts) */
  fence: WriteFence;
}

export function createEventLogFollower<Row, Event, State>(
  spec: EventLogSpec<Row, Event, State>,
  { clickhouse, logger, fence }: EventLogDeps,
) {
  let state = spec.empty();
  let loaded = false;
  /** the log's size when a standby last re-read it (-1: not yet) */
  let followedSize = -1;
  const queue = createSerialQueue();
  const memory = fencedMemory(fence, spec.noun);
  const changes = createChangeFeed<Event>(spec.domain, logger);

  async function read(reason: LogReadReason): Promise<void> {
    memory.reading();
    const events = await readEventLog(clickhouse, spec.log, spec.fromRow, logger);
    const folded = foldEvents(events, spec.empty(), spec.apply);
    reportAnomalies(spec.domain, folded.anomalies, logger);
    const before = state;
    state = folded.state;
    loaded = true;
    logger.info({ ...spec.describe(state), events: events.length }, `${spec.noun}s loaded from their log`);
    spec.afterRead?.(reason, before, state);
  }

  return {
    changes,
    /** memory as folded (replaced whole by each read): the repository's to read, never to change */
    get state(): State {
      return state;
    },
    get loaded() {
      return loaded;
    },
    /** Folds the whole log into memory (at start, after the migrations). */
    load: (): Promise<void> => queue(() => read('load')),
    /** On a standby: re-reads the log when it holds `size` events and was last read at another size. */
    follow: (size: number): Promise<void> =>
      queue(async () => {
        if (!loaded || size === followedSize) return;
        await read('follow');
        followedSize = size;
      }),
    /** A write, in the queue: refused unless this server holds the lease; memory from an earlier term re-read first. */
    write: <T>(work: () => Promise<T>): Promise<T> =>
      queue(async () => {
        if (memory.stale()) await read('stale');
        return work();
      }),
    /** Inside `write`: stores the event, then applies and publishes it; a failed insert changes nothing. */
    async append(event: Event): Promise<Event> {
      memory.assertCurrent();
      try {
        await clickhouse.insert(spec.table, [spec.toInsert(event)]);
      } catch (error) {
        throw new spec.StoreError((error as Error).message, { cause: error });
      }
      const anomaly = spec.apply(state, event);
      if (anomaly) logger.error({ anomaly }, `${spec.noun} write out of order`);
      changes.publish(event);
      return event;
    },
  };
}

/** What a domain repository's callers reach of its log: the start-up, the routes, the standby, the stream. */
export interface EventLogFace<Event> {
  readonly changes: ChangeFeed<Event>;
  /** false until the first load has folded the log (the routes answer 503 until then) */
  readonly loaded: boolean;
  load(): Promise<void>;
  follow(size: number): Promise<void>;
}

/** The repository: the domain's own reads and writes (`own`), and its log's face. */
export function withEventLog<Event, Own extends object>(log: EventLogFace<Event>, own: Own): Own & EventLogFace<Event> {
  return Object.defineProperties(own, {
    changes: { value: log.changes, enumerable: true },
    loaded: { get: () => log.loaded, enumerable: true },
    load: { value: log.load, enumerable: true },
    follow: { value: log.follow, enumerable: true },
  }) as Own & EventLogFace<Event>;
}
