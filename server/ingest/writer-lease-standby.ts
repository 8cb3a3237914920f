// A standby serves walls too, from the same memory the writer keeps (incidents and alerts on every
// tick, notices on request), but it writes nothing and so hears of no change. Each second it asks how
// many events each log holds and re-reads a log whose size moved: a change made on the writer reaches
// the standby's walls within about a second plus a tick. The logs are append-only and never expire,
// so an unchanged size means nothing new. The writer skips it: its memory is the log.
import type { ClickHouse } from '../clickhouse/client';
import { runQuery } from '../clickhouse/define-query';
import type { Job } from '../jobs/scheduler';
import { eventLogSizes, type EventLogSizes } from '../queries/lease/event-log-sizes';
import type { WriterLease } from './writer-lease';

export const STANDBY_FOLLOW_EVERY_MS = 1000;

/** A write domain's repository as a standby follows it: re-read when the log holds `size` events. */
export interface FollowedLog {
  follow(size: number): Promise<void>;
}

export function standbyFollowJob({
  clickhouse,
  lease,
  logs,
}: {
  clickhouse: ClickHouse;
  lease: Pick<WriterLease, 'isWriter'>;
  logs: Record<keyof EventLogSizes, FollowedLog>;
}): Job {
  return {
    name: 'standby-follow',
    everyMs: STANDBY_FOLLOW_EVERY_MS,
    async run() {
      if (lease.isWriter()) return;
      const sizes = await runQuery(clickhouse, eventLogSizes, undefined);
      await Promise.all((Object.keys(logs) as Array<keyof EventLogSizes>).map((log) => logs[log].follow(sizes[log])));
    },
  };
}
