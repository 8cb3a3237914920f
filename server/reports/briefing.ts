// What an analysis report holds, gathered once (briefing-data.ts) and written out as HTML, PDF or CSV.
import type { Channel, Kind, Line } from '@shared/codes';
import type { Alert } from '@shared/alerts';
import type { Incident } from '@shared/incidents';
import type { Scope } from '@shared/regions';
import type { ClosuresAndRecovery } from '../queries/reports/closures-and-recovery';
import type { PartyCount } from '../queries/reports/top-parties';
import type { ReportWindows } from './report-period';

/** A figure with the same figure for the period before (环比) and a year earlier (同比). */
export interface Compared {
  value: number;
  /** null: the comparison window starts before the stored history, so there is nothing to compare with */
  previous: number | null;
  yearAgo: number | null;
}

export interface RankedCode {
  code: string;
  value: number;
  /** the period before; null when it starts before the stored history */
  previous: number | null;
}

export interface Briefing {
  scope: Scope;
  windows: ReportWindows;
  /** midnight China time of the first day the store holds; null for an empty store */
  historyFromMs: number | null;
  generatedAtMs: number;
  totals: Compared;
  byKind: Record<Kind, Compared>;
  byLine: Record<Line, Compared>;
  byChannel: Record<Channel, Compared>;
  /** goods and service categories apart, most cases first */
  goods: RankedCode[];
  services: RankedCode[];
  merchants: PartyCount[];
  brands: PartyCount[];
  /** the scope's children (provinces, cities or counties), most cases first */
  regions: RankedCode[];
  closures: { period: ClosuresAndRecovery; previous: ClosuresAndRecovery | null; yearAgo: ClosuresAndRecovery | null };
  /** alerts open at some time in the period, and incidents active at some time in it */
  alerts: Alert[];
  incidents: Incident[];
}

/** How many rows a ranking shows. */
export const REPORT_TOP = 10;

/** The on-time closure rate, 0..1, or null when nothing was closed. */
export function onTimeRate(c: ClosuresAndRecovery | null): number | null {
  return c && c.closed > 0 ? c.closedOnTime / c.closed : null;
}
