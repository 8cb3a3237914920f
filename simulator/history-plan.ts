// What history the demo generates at start, from what the store already holds: everything for an
// empty store; after a restart, the gap since the newest stored version, the open cases of the last
// 30 days (to prime the live scheduler) and the rest of a backfill that was interrupted (backfill
// goes newest first, so the store's oldest case marks how far it got).
import { DAY_MS, HOUR_MS } from '@shared/time';
import type { ClickHouse } from '@server/clickhouse/client';
import { runQuery } from '@server/clickhouse/define-query';
import { storeState, type StoreState } from '@server/queries/cases/store-state';
import { PENDING_HORIZON_MS } from './pending-steps';

export type { StoreState };

export function readStoreState(clickhouse: ClickHouse): Promise<StoreState> {
  return runQuery(clickhouse, storeState, undefined);
}

/** Batches in flight when a backfill was killed may have landed out of order: redo this much above its frontier. */
const FRONTIER_MARGIN_MS = 2 * HOUR_MS;

export interface HistoryPlan {
  fromMs: number;
  resume?: { lastVersionMs: number; frontierMs: number };
}

/** The window to generate and, for a non-empty store, what of it the store already holds. */
export function planHistory(nowMs: number, days: number, state: StoreState): HistoryPlan {
  const windowStart = nowMs - days * DAY_MS;
  if (state.cases === 0) return { fromMs: windowStart };
  const interrupted = state.firstReceivedMs > windowStart + 6 * HOUR_MS;
  const fromMs = interrupted
    ? windowStart
    : Math.max(windowStart, Math.min(state.lastVersionMs, nowMs - PENDING_HORIZON_MS));
  return {
    fromMs,
    resume: { lastVersionMs: state.lastVersionMs, frontierMs: state.firstReceivedMs + FRONTIER_MARGIN_MS },
  };
}
