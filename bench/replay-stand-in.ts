// A stand-in PanelsAtSource for the replay benchmark while the real one (server/replay/, the
// history helper's createPanelsAtSource) is not on main: the live tick's six query groups with
// their windows moved back to T, assembled by the live code. Not "the wall as of T" (the live
// rollups have no version time: a case closed after T shows closed), but the same reads over the
// same rollups, so its cost is the cost a replay step pays. Replace it by the real source on merge.
import { MINUTE_MS, floorTo } from '@shared/time';
import type { ClickHouse } from '../server/clickhouse/client';
import { assemblePanels } from '../server/live/assemble-panels';
import {
  queryFeed,
  queryHeat,
  queryHistory,
  queryIntake,
  queryParties,
  queryWorkload,
} from '../server/live/tick-queries';
import { scopeParams, tickTimes } from '../server/live/tick-window';
import type { PanelsAt, PanelsAtSource } from '../server/replay/panels-at';

export function liveQueriesAt(clickhouse: ClickHouse, bounds: { fromMs: number; toMs: number }): PanelsAtSource {
  return {
    async computePanelsAt(scope, atMs): Promise<PanelsAt> {
      const p = scopeParams(scope);
      const t = tickTimes(floorTo(atMs, MINUTE_MS));
      const forMs = t.nowMs;
      const answer = <R>(value: R) => ({ value, forMs });
      const [intake, feed, heat, workload, parties, history] = await Promise.all([
        queryIntake(clickhouse, p, t),
        queryFeed(clickhouse, p, t),
        queryHeat(clickhouse, p, t),
        queryWorkload(clickhouse, p, t),
        queryParties(clickhouse, p, t),
        queryHistory(clickhouse, p, t),
      ]);
      const assembled = assemblePanels(
        p,
        {
          intake: answer(intake),
          feed: answer(feed),
          heat: answer(heat),
          workload: answer(workload),
          parties: answer(parties),
          history: answer(history),
        },
        { incidents: [], alerts: [] },
      );
      const asOf = new Date(forMs).toISOString();
      return { panels: assembled.panels, asOf, panelAsOf: {}, history: { resolution: 'minute', notKept: [] } };
    },
    historyBounds: () => Promise.resolve(bounds),
  };
}
