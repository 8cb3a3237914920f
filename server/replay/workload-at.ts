// The workload figures of one scope as they stood at a past moment: open, overdue and due soon from
// the checkpoint of the hour when the moment is a whole hour holding a valid one (migration 0100),
// from the spells otherwise, with the closures and money recovered beside them; the live parser
// builds the result from the rows. Both paths give the same rows (tests/replay/open-checkpoints.test.ts).
import { HOUR_MS } from '@shared/time';
import type { ClickHouse, QueryOptions } from '../clickhouse/client';
import { runQuery } from '../clickhouse/define-query';
import { lateVersions, openMarkAt } from '../queries/replay/open-checkpoints';
import {
  closuresAt,
  openAt,
  openCheckpointAt,
  type WorkloadAtInput,
  type WorkloadRow,
} from '../queries/replay/workload-at';
import { wallWorkload, type WorkloadResult } from '../queries/workload/wall-workload';

/** How many moments read the open cases from a checkpoint, and how many from the spells. */
export interface OpenPaths {
  checkpoint: number;
  spells: number;
}

export function createWorkloadAt(ch: ClickHouse, options?: QueryOptions) {
  const paths: OpenPaths = { checkpoint: 0, spells: 0 };

  /** The checkpoint's rows, or undefined when none holds for the moment. */
  async function fromCheckpoint(input: WorkloadAtInput): Promise<WorkloadRow[] | undefined> {
    if (input.atMs % HOUR_MS !== 0) return undefined;
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

  async function openRows(input: WorkloadAtInput, useCheckpoints: boolean): Promise<WorkloadRow[]> {
    const rows = useCheckpoints ? await fromCheckpoint(input) : undefined;
    if (rows) paths.checkpoint += 1;
    else paths.spells += 1;
    return rows ?? runQuery(ch, openAt, input, options);
  }

  async function workloadAt(input: WorkloadAtInput, useCheckpoints = true): Promise<WorkloadResult> {
    const [open, closures] = await Promise.all([
      openRows(input, useCheckpoints),
      runQuery(ch, closuresAt, input, options),
    ]);
    return wallWorkload.parse([...open, ...closures], input);
  }

  return { workloadAt, paths };
}
