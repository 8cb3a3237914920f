// Ids of the open cases whose deadline is at or after a time and that were received in a range.
import { TERMINAL_STATUSES } from '@shared/codes';
import { toDateTime, toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';

export interface OpenDueFromInput {
  dueFromMs: number;
  receivedFromMs: number;
  receivedToMs: number;
}

export const openCasesDueFrom = defineQuery<OpenDueFromInput, { id: string }, string[]>({
  name: 'open-cases-due-from',
  file: new URL('./open-cases-due-from.sql', import.meta.url),
  params: (input) => ({
    dueFrom: toDateTime(input.dueFromMs),
    receivedFrom: toDateTime64(input.receivedFromMs),
    receivedTo: toDateTime64(input.receivedToMs),
    terminalStatuses: [...TERMINAL_STATUSES],
  }),
  parse: (rows) => rows.map((row) => row.id),
});
