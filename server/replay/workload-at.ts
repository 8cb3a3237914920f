// The workload figures of one scope as they stood at a past moment (open, overdue and due soon,
// closures and money recovered): from the checkpoint of the hour when the moment is a whole hour
// holding a valid one (migration 0100), from the spells and the closures otherwise (the live query
// on the replay tables); the live parser builds both. Both paths give the same figures
// (tests/replay/open-checkpoints.test.ts).
import { HOUR_MS, cstMidnight } from '@shared/time';
import type { ClickHouse, QueryOptions } from '../clickhouse/client';
import { runQuery } from '../clickhouse/define-query';
import { ON_TIME_WINDOW_MS } from '../live/tick-window';
import { lateVersions, openMarkAt } from '../queries/replay/open-checkpoints';
import { workloadCheckpointAt, workloadSpellsAt, type WorkloadAtInput } from '../queries/replay/workload-at';
import type { WorkloadResult } from '../queries/workload/wall-workload';

/** How many moments read the workload from a checkpoint, and how many from the spells and closures. */
export interface OpenPaths {
  checkpoint: number;
  spells: number;
}

export function createWorkloadAt(ch: ClickHouse, options?: QueryOptions) {
  const paths: OpenPaths = { checkpoint: 0, spells: 0 };

  /** The figures from the checkpoint of the moment's hour, or undefined when none holds for it. */
  async function fromCheckpoint(input: WorkloadAtInput): Promise<WorkloadResult | undefined> {
    // a checkpoint holds a whole hour's figures over the windows replayTimes gives it
    const windows =
      input.closedFromMs === input.atMs - ON_TIME_WINDOW_MS && input.recoveredFromMs === cstMidnight(input.atMs);
    if (input.atMs % HOUR_MS !== 0 || !windows) return undefined;
    const mark = await runQuery(ch, openMarkAt, { hourMs: input.atMs }, options);
    // taken with another holiday calendar: its due-soon figures are not this moment's (both to the second)
    if (!mark || mark.dueSoonByMs !== Math.floor(input.dueSoonByMs / 1000) * 1000) return undefined;
    const [late, figures] = await Promise.all([
      runQuery(ch, lateVersions, { fromMs: mark.lookFromMs }, options),
      runQuery(ch, workloadCheckpointAt, { ...input, takenAtMs: mark.takenAtMs }, options),
    ]);
    // a head version at or before the hour, ingested after the checkpoint: it no longer holds
    return late !== undefined && late <= input.atMs ? undefined : figures;
  }

  async function workloadAt(input: WorkloadAtInput, useCheckpoints = true): Promise<WorkloadResult> {
    const checkpointed = useCheckpoints ? await fromCheckpoint(input) : undefined;
    if (checkpointed) paths.checkpoint += 1;
    else paths.spells += 1;
    return checkpointed ?? runQuery(ch, workloadSpellsAt, input, options);
  }

  return { workloadAt, paths };
}
