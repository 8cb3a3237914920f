// Which alerts are about which injected incident, read from the case ids behind each alert (an
// incident's cases carry its key: `<prefix>-X<key>-<nnnn>`), and the figures of the product-level
// evaluation: detected or not, how many alerts, hours from the incident's first case to its alert.
import type { Alert, AlertLogEntry } from '@shared/alerts';
import { HOUR_MS } from '@shared/time';
import type { ScenarioType } from '@simulator/scenarios';

/** The most an incident of each type may take to be detected (issue 10's figures). */
export const DETECTION_TARGET_HOURS: Record<ScenarioType, number> = {
  'food-poisoning': 2,
  'prepaid-collapse': 6,
  'brand-safety': 12,
};

export interface JudgedScenario {
  key: string;
  type: ScenarioType;
  firstCaseMs: number;
  cases: number;
  where: string;
}

export interface ScenarioOutcome extends JudgedScenario {
  alerts: number;
  /** hours from the first case to the first alert event that holds its cases; undefined: missed */
  hoursToDetect?: number;
  kinds: string[];
}

const INCIDENT_ID = /-X([A-Za-z0-9]+)-\d{4}$/;

export function incidentKeyOf(caseId: string): string | undefined {
  return INCIDENT_ID.exec(caseId)?.[1];
}

/** The incident keys each alert's cases carry. */
export function keysByAlert(caseIds: ReadonlyMap<string, readonly string[]>): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const [id, ids] of caseIds) {
    out.set(id, new Set(ids.map(incidentKeyOf).filter((k): k is string => k !== undefined)));
  }
  return out;
}

export function scoreScenarios(
  scenarios: readonly JudgedScenario[],
  alerts: readonly Alert[],
  keys: ReadonlyMap<string, ReadonlySet<string>>,
  logs: ReadonlyMap<string, readonly AlertLogEntry[]>,
): ScenarioOutcome[] {
  return scenarios.map((scenario) => {
    const about = alerts.filter((a) => keys.get(a.id)?.has(scenario.key));
    // an alert opened before the incident (ordinary cases) counts from the change that took its cases in
    const detections = about
      .map((a) => (logs.get(a.id) ?? []).find((e) => Date.parse(e.at) >= scenario.firstCaseMs)?.at ?? a.openedAt)
      .map((at) => Math.max(0, Date.parse(at) - scenario.firstCaseMs) / HOUR_MS);
    return {
      ...scenario,
      alerts: about.length,
      hoursToDetect: detections.length ? Math.min(...detections) : undefined,
      kinds: [...new Set(about.flatMap((a) => a.kinds))],
    };
  });
}

/** Alerts with no incident's case among theirs: false alerts. */
export function falseAlerts(alerts: readonly Alert[], keys: ReadonlyMap<string, ReadonlySet<string>>): Alert[] {
  return alerts.filter((a) => (keys.get(a.id)?.size ?? 0) === 0);
}
