// The newest receivedAt in the store (case_versions), epoch ms; 0 when the store is empty.
import { defineQuery } from '../../clickhouse/define-query';

interface NewestReceivedRow {
  newest_received_at_ms: number;
}

export const newestReceived = defineQuery<void, NewestReceivedRow, number>({
  name: 'newest-received',
  file: new URL('./newest-received.sql', import.meta.url),
  params: () => ({}),
  parse: (rows) => rows[0]?.newest_received_at_ms ?? 0,
});
