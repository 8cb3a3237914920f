// Open, overdue and due-soon cases, closures and money recovered of one scope as they stood at a past
// moment (workload-at.sql), in the result shape of the live workload query.
import { toDateTime, toDateTime64 } from '../../clickhouse/datetime';
import { defineQuery } from '../../clickhouse/define-query';
import { wallWorkload, type WorkloadInput, type WorkloadResult } from '../workload/wall-workload';

export interface WorkloadAtInput extends WorkloadInput {
  /** the moment shown, epoch ms */
  atMs: number;
}

type WorkloadRow = Parameters<typeof wallWorkload.parse>[0][number];

export const workloadAt = defineQuery<WorkloadAtInput, WorkloadRow, WorkloadResult>({
  name: 'replay:workload-at',
  file: new URL('./workload-at.sql', import.meta.url),
  params: (input) => ({
    ...wallWorkload.params(input),
    at: toDateTime64(input.atMs),
    hourNow: toDateTime(input.hourNowMs),
  }),
  parse: (rows, input) => wallWorkload.parse(rows, input),
});
