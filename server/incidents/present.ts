// An incident as the API and the wall show it: the stored record plus what depends on the time of
// asking (clocks, the next one due) and on its regions (the suggested severity, where the marker goes).
import {
  SEVERITY_CODES,
  isIncidentActive,
  type Incident,
  type IncidentListQuery,
  type IncidentRecord,
} from '@shared/incidents';
import {
  incidentScopes,
  nextClock,
  responseClocks,
  suggestSeverity,
  type IncidentClockConfig,
} from '@shared/incident-rules';
import { LIMITS } from '@shared/panels';
import { getRegion } from '@shared/regions';
import { HOUR_MS } from '@shared/time';
import type { IncidentSummary } from '@shared/wall-events';

/** A closed or cancelled incident stays on the walls this long, so the room sees how it ended. */
export const ENDED_SHOWN_MS = 6 * HOUR_MS;

export function presentIncident(record: IncidentRecord, config: IncidentClockConfig, nowMs: number): Incident {
  const clocks = responseClocks(record, config, nowMs);
  const next = nextClock(record, clocks);
  return {
    ...record,
    suggestedSeverity: suggestSeverity(record.regionCodes),
    clocks,
    ...(next ? { nextClock: next } : {}),
  };
}

export function concernsScope(record: IncidentRecord, scope: string | undefined): boolean {
  return scope === undefined || incidentScopes(record.regionCodes).has(scope);
}

export function matchesStatus(record: IncidentRecord, status: IncidentListQuery['status']): boolean {
  if (status === 'all') return true;
  if (status === 'active') return isIncidentActive(record.status);
  return record.status === status;
}

/** Active before ended, then the gravest first, then the newest. */
export function byUrgency(a: IncidentRecord, b: IncidentRecord): number {
  const active = Number(isIncidentActive(b.status)) - Number(isIncidentActive(a.status));
  const severity = SEVERITY_CODES.indexOf(a.severity) - SEVERITY_CODES.indexOf(b.severity);
  return active || severity || b.openedAt.localeCompare(a.openedAt) || a.id.localeCompare(b.id);
}

function summary(record: IncidentRecord, config: IncidentClockConfig, nowMs: number): IncidentSummary {
  const clocks = responseClocks(record, config, nowMs);
  const next = nextClock(record, clocks);
  const label = record.regionCodes.map((code) => getRegion(code)?.label).find((point) => point !== undefined);
  return {
    id: record.id,
    title: record.title,
    severity: record.severity,
    status: record.status,
    regionCodes: record.regionCodes,
    openedAt: record.openedAt,
    updatedAt: record.updatedAt,
    ...(next ? { nextClock: next } : {}),
    version: record.version,
    category: record.category,
    leadUnit: record.leadUnit,
    breachedClocks: clocks.filter((c) => c.breached).length,
    location: label ? { lon: label[0], lat: label[1] } : null,
  };
}

/**
 * The wall's `incidents` part for a scope, from memory (no query per tick): the incidents that
 * concern it, active or ended in the last ENDED_SHOWN_MS, most urgent first, capped.
 */
export function wallIncidents(
  records: Iterable<IncidentRecord>,
  scope: string,
  config: IncidentClockConfig,
  nowMs: number,
): IncidentSummary[] {
  const shown: IncidentRecord[] = [];
  for (const record of records) {
    const ended = record.closedAt ?? record.cancelledAt;
    const recent = isIncidentActive(record.status) || (ended !== null && nowMs - Date.parse(ended) < ENDED_SHOWN_MS);
    if (recent && concernsScope(record, scope)) shown.push(record);
  }
  return shown
    .sort(byUrgency)
    .slice(0, LIMITS.mapMarkers)
    .map((record) => summary(record, config, nowMs));
}
