// The rows of the workload figures of one scope as they stood at a past moment, in the row shape of
// the live workload query (wall-workload.sql), so its parser builds the result: open, overdue and due
// soon from the spells (open-at.sql) or from a checkpoint of the hour (open-checkpoint-at.sql), and
// closures and money recovered (closures-at.sql). server/replay/workload-at.ts picks and joins them.
import { toDateTime, toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import { wallWorkload, type WorkloadInput } from '../workload/wall-workload';

export interface WorkloadAtInput extends WorkloadInput {
  /** the moment shown, epoch ms */
  atMs: number;
}

export type WorkloadRow = Parameters<typeof wallWorkload.parse>[0][number];

const params = (input: WorkloadAtInput) => ({
  ...wallWorkload.params(input),
  at: toDateTime64(input.atMs),
  hourNow: toDateTime(input.hourNowMs),
});

export const openAt = defineQuery<WorkloadAtInput, WorkloadRow, WorkloadRow[]>({
  name: 'replay:open-at',
  file: new URL('./open-at.sql', import.meta.url),
  params,
  parse: (rows) => rows,
});

export const closuresAt = defineQuery<WorkloadAtInput, WorkloadRow, WorkloadRow[]>({
  name: 'replay:closures-at',
  file: new URL('./closures-at.sql', import.meta.url),
  params,
  parse: (rows) => rows,
});

export const openCheckpointAt = defineQuery<WorkloadAtInput & { takenAtMs: number }, WorkloadRow, WorkloadRow[]>({
  name: 'replay:open-checkpoint-at',
  file: new URL('./open-checkpoint-at.sql', import.meta.url),
  params: (input) => ({
    childDivisor: input.childDivisor,
    regionFrom: input.regionFrom,
    regionTo: input.regionTo,
    hour: toDateTime(input.atMs),
    takenAt: toDateTime64(input.takenAtMs),
  }),
  parse: (rows) => rows,
});
