// What history the demo generates at start, from what the store already holds: everything for an
// empty store; after a restart, the gap since the newest stored version, the open cases of the last
// 30 days (to prime the live scheduler) and the rest of a backfill that was interrupted (backfill
// goes newest first, so the store's oldest case marks how far it got).
import { DAY_MS, HOUR_MS } from '@shared/time';
import type { ClickHouse } from '@server/clickhouse/client';
import { loadQuery } from '@server/queries/load';
import { PENDING_HORIZON_MS } from './pending-steps';

export interface StoreState {
  cases: number;
  firstReceivedMs: number;
  lastVersionMs: number;
}

interface StoreStateRow {
  cases: number | string;
  first_received_ms: number | string;
  last_version_ms: number | string;
}

const storeStateSql = loadQuery('store-state');

export async function readStoreState(clickhouse: ClickHouse): Promise<StoreState> {
  const [row] = await clickhouse.query<StoreStateRow>('sim:store-state', storeStateSql);
  return {
    cases: Number(row?.cases ?? 0),
    firstReceivedMs: Number(row?.first_received_ms ?? 0),
    lastVersionMs: Number(row?.last_version_ms ?? 0),
  };
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
  const fromMs = interrupted ? windowStart : Math.max(windowStart, Math.min(state.lastVersionMs, nowMs - PENDING_HORIZON_MS));
  return { fromMs, resume: { lastVersionMs: state.lastVersionMs, frontierMs: state.firstReceivedMs + FRONTIER_MARGIN_MS } };
}

