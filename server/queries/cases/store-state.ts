// How much the store holds (case_heads, without FINAL: approximate, enough to tell empty from not).
import { defineQuery } from '../../clickhouse/define-query';

interface StoreStateRow {
  cases_stored: number;
  first_received_ms: number;
  last_version_ms: number;
}

export interface StoreState {
  cases: number;
  firstReceivedMs: number;
  lastVersionMs: number;
}

export const storeState = defineQuery<void, StoreStateRow, StoreState>({
  name: 'sim:store-state',
  file: new URL('./store-state.sql', import.meta.url),
  params: () => ({}),
  parse: ([row]) => ({
    cases: row?.cases_stored ?? 0,
    firstReceivedMs: row?.first_received_ms ?? 0,
    lastVersionMs: row?.last_version_ms ?? 0,
  }),
});
