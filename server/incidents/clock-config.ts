// INCIDENT_CLOCKS: the response clocks per severity, as JSON in the variable itself or in the file it
// names, e.g. {"III": {"onSiteWithinMinutes": 180}}. What it leaves out keeps its default
// (shared/incident-rules.ts); anything it gets wrong stops the start with the reason, since walls
// counting down to the wrong deadline would be worse than no wall.
import fs from 'node:fs';
import { describeIssues } from '@shared/case-schema';
import {
  DEFAULT_INCIDENT_CLOCKS,
  incidentClocksSchema,
  mergeIncidentClocks,
  type IncidentClockConfig,
} from '@shared/incident-rules';

export function loadIncidentClocks(value: string | undefined): IncidentClockConfig {
  if (!value?.trim()) return DEFAULT_INCIDENT_CLOCKS;
  const inline = value.trim().startsWith('{');
  let text = value;
  if (!inline) {
    try {
      text = fs.readFileSync(value, 'utf8');
    } catch (error) {
      throw new Error(`INCIDENT_CLOCKS: cannot read ${value}: ${(error as Error).message}`, { cause: error });
    }
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`INCIDENT_CLOCKS${inline ? '' : ` (${value})`} is not valid JSON: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const parsed = incidentClocksSchema.safeParse(json);
  if (!parsed.success) throw new Error(`INCIDENT_CLOCKS: ${describeIssues(parsed.error).join('; ')}`);
  return mergeIncidentClocks(parsed.data);
}
