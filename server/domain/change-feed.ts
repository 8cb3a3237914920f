// The in-process stream of a write domain's changes: the repository publishes each change once it
// is stored, and the live layer (panels, alerts) subscribes. Typed per domain, e.g.
// ChangeFeed<NoticeEvent>. A subscriber that throws is logged and skipped: the change is already
// durable and the other subscribers must still hear of it.
import type { Logger } from 'pino';

export type ChangeListener<Change> = (change: Change) => void;

export interface ChangeFeed<Change> {
  /** Returns the unsubscribe function (a wall room that closes must stop listening). */
  subscribe(listener: ChangeListener<Change>): () => void;
  publish(change: Change): void;
}

export function createChangeFeed<Change>(domain: string, logger: Logger): ChangeFeed<Change> {
  const listeners = new Set<ChangeListener<Change>>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    publish(change) {
      for (const listener of listeners) {
        try {
          listener(change);
        } catch (error) {
          logger.error({ domain, err: (error as Error).message }, 'change subscriber failed');
        }
      }
    },
  };
}
