// The workload figures of one scope as they stood at a past moment (open, overdue and due soon,
// closures and money recovered): from the checkpoint of the hour when the moment is a whole hour
// holding a valid one (migration 0100), from the spells and the closures otherwise; the live parser
// builds the result from the rows. Both paths give the same rows (tests/replay/open-checkpoints.test.ts).
import { HOUR_MS, cstMidnight } from '@shared/time';
import type { ClickHouse, QueryOptions } from '../clickhouse/client';
import { runQuery } from '../clickhouse/define-query';
import { ON_TIME_WINDOW_MS } from '../live/tick-window';
import { lateVersions, openMarkAt } from '../queries/replay/open-checkpoints';
import {
  closuresAt,
  openAt,
  openCheckpointAt,
  type WorkloadAtInput,
  type WorkloadRow,
} from '../queries/replay/workload-at';
import { wallWorkload, type WorkloadResult } from '../queries/workload/wall-workload';

/** How many moments read the workload from a checkpoint, and how many from the spells and closures. */
export interface OpenPaths {
  checkpoint: number;
  spells: number;
}

export function createWorkloadAt(ch: ClickHouse, options?: QueryOptions) {
  const paths: OpenPaths = { checkpoint: 0, spells: 0 };

  /** The checkpoint's rows, or undefined when none holds for the moment. */
  async function fromCheckpoint(input: WorkloadAtInput): Promise<WorkloadRow[] | undefined> {
    // a checkpoint holds a whole hour's figures over the windows replayTimes gives it
    const windows =
      input.closedFromMs === input.atMs - ON_TIME_WINDOW_MS && input.recoveredFromMs === cstMidnight(input.atMs);
    if (input.atMs % HOUR_MS !== 0 || !windows) return undefined;
    const mark = await runQuery(ch, openMarkAt, { hourMs: input.atMs }, options);
    // taken with another holiday calendar: its due-soon figures are not this moment's (both to the second)
    if (!mark || mark.dueSoonByMs !== Math.floor(input.dueSoonByMs / 1000) * 1000) return undefined;
    const [late, rows] = await Promise.all([
      runQuery(ch, lateVersions, { fromMs: mark.lookFromMs }, options),
      runQuery(ch, openCheckpointAt, { ...input, takenAtMs: mark.takenAtMs }, options),
    ]);
    // a head version at or before the hour, ingested after the checkpoint: it no longer holds
    return late !== undefined && late <= input.atMs ? undefined : rows;
  }

  async function workloadAt(input: WorkloadAtInput, useCheckpoints = true): Promise<WorkloadResult> {
    const checkpointed = useCheckpoints ? await fromCheckpoint(input) : undefined;
    if (checkpointed) paths.checkpoint += 1;
    else paths.spells += 1;
    const rows =
      checkpointed ??
      (await Promise.all([runQuery(ch, openAt, input, options), runQuery(ch, closuresAt, input, options)])).flat();
    return wallWorkload.parse(rows, input);
  }

  return { workloadAt, paths };
}
