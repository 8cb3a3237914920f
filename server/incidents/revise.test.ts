import { describe, expect, it } from 'vitest';
import { INCIDENT_STATUS_CODES, INCIDENT_TRANSITIONS, type IncidentRecord } from '@shared/incidents';
import { OPENED_MS, incidentRecord } from '../../tests/helpers/incident-record';
import { reviseIncident } from './revise';

const NOW_MS = OPENED_MS + 90 * 60_000;
const record = incidentRecord;

const MILESTONE = {
  verified: 'verifiedAt',
  contained: 'containedAt',
  closed: 'closedAt',
  cancelled: 'cancelledAt',
} as const;

describe('incident transitions, from the shared table', () => {
  for (const from of INCIDENT_STATUS_CODES)
    for (const to of INCIDENT_STATUS_CODES.filter((s) => s !== from)) {
      const allowed = INCIDENT_TRANSITIONS[from].includes(to);
      it(`${from} → ${to}: ${allowed ? 'allowed' : 'refused'}`, () => {
        const revision = reviseIncident(record({ status: from }), { status: to }, NOW_MS);
        if (!allowed) {
          expect(revision).toEqual({ outcome: 'refused-transition', from, to, allowed: INCIDENT_TRANSITIONS[from] });
          return;
        }
        expect(revision.outcome).toBe('next');
        if (revision.outcome !== 'next') return;
        expect(revision.record.status).toBe(to);
        expect(revision.changed).toEqual(['status']);
        const milestone = MILESTONE[to as keyof typeof MILESTONE];
        if (milestone) expect(revision.record[milestone]).toBe(new Date(NOW_MS).toISOString());
      });
    }

  it('takes the same status again as a retry, not as a refused transition', () => {
    expect(reviseIncident(record({ status: 'closed' }), { status: 'closed' }, NOW_MS)).toEqual({
      outcome: 'unchanged',
    });
  });

  it('moves containment forward on a relapse and a second containment', () => {
    const firstMs = NOW_MS - 10 * 60_000;
    const contained = record({ status: 'contained', containedAt: new Date(firstMs).toISOString() });
    const relapse = reviseIncident(contained, { status: 'responding' }, NOW_MS);
    expect(relapse.outcome === 'next' && relapse.record.containedAt).toBe(new Date(firstMs).toISOString());
    if (relapse.outcome !== 'next') return;
    const again = reviseIncident({ ...contained, ...relapse.record }, { status: 'contained' }, NOW_MS + 60_000);
    expect(again.outcome === 'next' && again.record.containedAt).toBe(new Date(NOW_MS + 60_000).toISOString());
  });

  it('never moves a milestone back, even when the server clock was set back since', () => {
    const stamped = new Date(NOW_MS).toISOString();
    const relapsed = record({ status: 'responding', containedAt: stamped });
    const again = reviseIncident(relapsed, { status: 'contained' }, NOW_MS - 5 * 60_000);
    expect(again.outcome === 'next' && again.record.containedAt).toBe(stamped);
  });
});

describe('the on-site milestone', () => {
  const at = (ms: number) => new Date(ms).toISOString().replace('Z', '+00:00');

  it('is recorded in UTC and may move forward', () => {
    const first = reviseIncident(record(), { onSiteAt: '2025-03-15T09:30:00+08:00' }, NOW_MS);
    expect(first).toMatchObject({
      outcome: 'next',
      changed: ['onSiteAt'],
      record: { onSiteAt: '2025-03-15T01:30:00.000Z' },
    });
    const later = reviseIncident(record({ onSiteAt: '2025-03-15T01:30:00.000Z' }), { onSiteAt: at(NOW_MS) }, NOW_MS);
    expect(later.outcome).toBe('next');
  });

  it('refuses the future, before the report, earlier than recorded, and an ended incident', () => {
    const recorded = record({ onSiteAt: new Date(OPENED_MS + 60 * 60_000).toISOString() });
    const cases: Array<[IncidentRecord, number, string]> = [
      [record(), NOW_MS + 60_000, 'onSiteAt: must not be in the future'],
      [record(), OPENED_MS - 60_000, 'onSiteAt: must not be before the incident was reported'],
      [recorded, OPENED_MS + 30 * 60_000, 'onSiteAt: must not be earlier than the recorded'],
      [record({ status: 'closed' }), NOW_MS, 'onSiteAt: the incident is closed'],
    ];
    for (const [current, ms, error] of cases) {
      const revision = reviseIncident(current, { onSiteAt: at(ms) }, NOW_MS);
      expect(revision.outcome).toBe('invalid');
      expect(revision.outcome === 'invalid' && revision.errors.join()).toContain(error);
    }
  });

  it('makes a note alone a change, and the same values again none', () => {
    expect(reviseIncident(record(), { note: '现场已封存问题食品' }, NOW_MS)).toMatchObject({
      outcome: 'next',
      changed: [],
    });
    expect(reviseIncident(record({ assignees: ['张三'] }), { assignees: ['张三'], severity: 'III' }, NOW_MS)).toEqual({
      outcome: 'unchanged',
    });
  });
});
