// An incident record as the log stores it, for the unit tests of the rules, the transitions and the
// log: reported at OPENED_AT by operator-1, severity III, in one Wuhan county, with overrides.
import type { IncidentRecord } from '@shared/incidents';

export const OPENED_AT = '2025-03-15T01:00:00.000Z';
export const OPENED_MS = Date.parse(OPENED_AT);

export function incidentRecord(changes: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    id: 'i-1',
    title: '某市学校食堂集体食物中毒',
    severity: 'III',
    status: 'reported',
    regionCodes: ['420102'],
    category: 'food',
    description: null,
    leadUnit: null,
    assignees: [],
    alertIds: [],
    caseIds: [],
    version: 1,
    openedAt: OPENED_AT,
    openedBy: 'operator-1',
    updatedAt: OPENED_AT,
    updatedBy: 'operator-1',
    verifiedAt: null,
    onSiteAt: null,
    containedAt: null,
    closedAt: null,
    cancelledAt: null,
    ...changes,
  };
}
