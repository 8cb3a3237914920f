// What the server derives from an incident at the time of asking: its response clocks (per severity,
// configurable: INCIDENT_CLOCKS, docs/api.md), the severity its regions suggest, and which walls it
// concerns. Pure functions of the record and the clock, shared so the wall and tests read the same rules.
import { z } from 'zod';
import {
  SEVERITY_CODES,
  isIncidentActive,
  type ClockName,
  type IncidentRecord,
  type Milestone,
  type NextClock,
  type ResponseClock,
  type Severity,
} from './incidents';
import { cityCodeOf, getRegion, provinceCodeOf, type Scope } from './regions';
import { MINUTE_MS } from './time';

/** How long after an incident is reported each milestone is due, in minutes. */
export interface ClockLimits {
  verifiedWithinMinutes: number;
  onSiteWithinMinutes: number;
  containedWithinMinutes: number;
}
export type IncidentClockConfig = Record<Severity, ClockLimits>;

/**
 * I and II: verified within 1 h, someone on site within 2 h, contained within 24 h (issue 11). III and
 * IV are handled by a city or county with its own staff: verified within 2 h and 4 h, on site within
 * 4 h and 12 h (the same working day), contained within 48 h and 72 h.
 */
export const DEFAULT_INCIDENT_CLOCKS: IncidentClockConfig = {
  I: { verifiedWithinMinutes: 60, onSiteWithinMinutes: 120, containedWithinMinutes: 24 * 60 },
  II: { verifiedWithinMinutes: 60, onSiteWithinMinutes: 120, containedWithinMinutes: 24 * 60 },
  III: { verifiedWithinMinutes: 120, onSiteWithinMinutes: 240, containedWithinMinutes: 48 * 60 },
  IV: { verifiedWithinMinutes: 240, onSiteWithinMinutes: 720, containedWithinMinutes: 72 * 60 },
};

const minutes = z
  .number()
  .int()
  .positive()
  .max(365 * 24 * 60);
const limitsOverride = z.strictObject({
  verifiedWithinMinutes: minutes.optional(),
  onSiteWithinMinutes: minutes.optional(),
  containedWithinMinutes: minutes.optional(),
});
/** INCIDENT_CLOCKS: any severities and limits, the rest from the defaults. */
export const incidentClocksSchema = z.partialRecord(z.enum(SEVERITY_CODES), limitsOverride);

export function mergeIncidentClocks(overrides: z.infer<typeof incidentClocksSchema>): IncidentClockConfig {
  const merged = { ...DEFAULT_INCIDENT_CLOCKS };
  for (const severity of SEVERITY_CODES) merged[severity] = { ...merged[severity], ...overrides[severity] };
  return merged;
}

const CLOCKS: ReadonlyArray<{ name: ClockName; limit: keyof ClockLimits; milestone: Milestone }> = [
  { name: 'verified', limit: 'verifiedWithinMinutes', milestone: 'verifiedAt' },
  { name: 'onSite', limit: 'onSiteWithinMinutes', milestone: 'onSiteAt' },
  { name: 'contained', limit: 'containedWithinMinutes', milestone: 'containedAt' },
];

/** When each clock was met; containment no longer counts once the incident flared up again. */
function metAt(incident: IncidentRecord, clock: (typeof CLOCKS)[number]): string | null {
  if (clock.name === 'contained' && incident.status === 'responding') return null;
  return incident[clock.milestone];
}

/**
 * The clocks count from the time reported, at the limits of the incident's current severity. A clock
 * not met when the incident ended stopped then: breached only if the end came after it was due.
 */
export function responseClocks(incident: IncidentRecord, config: IncidentClockConfig, nowMs: number): ResponseClock[] {
  const openedMs = Date.parse(incident.openedAt);
  const endedAt = incident.closedAt ?? incident.cancelledAt;
  const stoppedMs = isIncidentActive(incident.status) || !endedAt ? nowMs : Date.parse(endedAt);
  return CLOCKS.map((clock) => {
    const dueMs = openedMs + config[incident.severity][clock.limit] * MINUTE_MS;
    const met = metAt(incident, clock);
    return {
      name: clock.name,
      dueAt: new Date(dueMs).toISOString(),
      metAt: met,
      breached: (met === null ? stoppedMs : Date.parse(met)) > dueMs,
    };
  });
}

/** The clock still running that is due first; undefined once none runs. */
export function nextClock(incident: IncidentRecord, clocks: readonly ResponseClock[]): NextClock | undefined {
  if (!isIncidentActive(incident.status)) return undefined;
  const running = clocks.filter((c) => c.metAt === null).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return running[0] && { name: running[0].name, dueAt: running[0].dueAt, breached: running[0].breached };
}

/**
 * The severity the spread of the linked regions suggests: several provinces I, several cities (or a
 * whole province) II, several counties of one city (or a whole city) III, one county IV.
 */
export function suggestSeverity(regionCodes: readonly string[]): Severity {
  const provinces = new Set(regionCodes.map(provinceCodeOf));
  if (provinces.size > 1) return 'I';
  const levels = regionCodes.map((code) => getRegion(code)?.level ?? 'county');
  const cities = new Set(regionCodes.map(cityCodeOf));
  if (levels.includes('province') || cities.size > 1) return 'II';
  if (levels.includes('city') || regionCodes.length > 1) return 'III';
  return 'IV';
}

/**
 * The scopes an incident concerns: each of its regions and every scope above them, up to national.
 * A wall of a city sees the incidents in its counties; a county wall does not see its city's.
 */
export function incidentScopes(regionCodes: readonly string[]): Set<Scope> {
  const scopes = new Set<Scope>(['national']);
  for (const code of regionCodes)
    for (let region = getRegion(code); region; region = region.parent ? getRegion(region.parent) : undefined)
      scopes.add(region.code);
  return scopes;
}
