import { describe, expect, it } from 'vitest';
import { OPENED_MS, incidentRecord } from '../tests/helpers/incident-record';
import type { IncidentRecord } from './incidents';
import {
  DEFAULT_INCIDENT_CLOCKS,
  incidentClocksSchema,
  incidentScopes,
  mergeIncidentClocks,
  nextClock,
  responseClocks,
  suggestSeverity,
} from './incident-rules';

const MINUTE_MS = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const record = (changes: Partial<IncidentRecord> = {}) => incidentRecord({ severity: 'II', ...changes });

describe('suggested severity from the spread of the regions', () => {
  it.each([
    [['420102'], 'IV'],
    [['420102', '420103'], 'III'],
    [['420100'], 'III'],
    [['420102', '420502'], 'II'],
    [['420000'], 'II'],
    [['420102', '430102'], 'I'],
    [['110101', '110102'], 'III'],
  ] as const)('%j → %s', (codes, severity) => {
    expect(suggestSeverity(codes)).toBe(severity);
  });
});

describe('response clocks', () => {
  const clocks = DEFAULT_INCIDENT_CLOCKS;

  it('count from the report at the limits of the severity, and the next one due is the earliest running', () => {
    const now = OPENED_MS + 30 * MINUTE_MS;
    const running = responseClocks(record(), clocks, now);
    expect(running.map((c) => [c.name, c.dueAt, c.breached])).toEqual([
      ['verified', iso(OPENED_MS + 60 * MINUTE_MS), false],
      ['onSite', iso(OPENED_MS + 120 * MINUTE_MS), false],
      ['contained', iso(OPENED_MS + 24 * 60 * MINUTE_MS), false],
    ]);
    expect(nextClock(record(), running)).toEqual({
      name: 'verified',
      dueAt: iso(OPENED_MS + 60 * MINUTE_MS),
      breached: false,
    });
    const iv = responseClocks(record({ severity: 'IV' }), clocks, now);
    expect(iv[1].dueAt).toBe(iso(OPENED_MS + 12 * 60 * MINUTE_MS));
  });

  it('breach when overrun or met late, and stop when the incident ends', () => {
    const verifiedLate = record({ status: 'verified', verifiedAt: iso(OPENED_MS + 61 * MINUTE_MS) });
    const now = OPENED_MS + 3 * 60 * MINUTE_MS;
    const [verified, onSite] = responseClocks(verifiedLate, clocks, now);
    expect([verified.breached, verified.metAt, onSite.breached, onSite.metAt]).toEqual([
      true,
      iso(OPENED_MS + 61 * MINUTE_MS),
      true,
      null,
    ]);
    expect(nextClock(verifiedLate, [verified, onSite])).toMatchObject({ name: 'onSite', breached: true });
    const cancelledEarly = record({ status: 'cancelled', cancelledAt: iso(OPENED_MS + 10 * MINUTE_MS) });
    const stopped = responseClocks(cancelledEarly, clocks, now);
    expect(stopped.some((c) => c.breached)).toBe(false);
    expect(nextClock(cancelledEarly, stopped)).toBeUndefined();
  });

  it('reopen containment on a relapse', () => {
    const contained = { containedAt: iso(OPENED_MS + 5 * 60 * MINUTE_MS) };
    const now = OPENED_MS + 25 * 60 * MINUTE_MS;
    const held = responseClocks(record({ status: 'contained', ...contained }), clocks, now)[2];
    const relapsed = responseClocks(record({ status: 'responding', ...contained }), clocks, now)[2];
    expect([held.metAt !== null, held.breached]).toEqual([true, false]);
    expect([relapsed.metAt, relapsed.breached]).toEqual([null, true]);
  });

  it('take overrides per severity and keep the other defaults; refuse nonsense', () => {
    const parsed = incidentClocksSchema.parse({ III: { onSiteWithinMinutes: 180 } });
    const merged = mergeIncidentClocks(parsed);
    expect(merged.III).toEqual({ ...DEFAULT_INCIDENT_CLOCKS.III, onSiteWithinMinutes: 180 });
    expect(merged.I).toEqual(DEFAULT_INCIDENT_CLOCKS.I);
    expect(incidentClocksSchema.safeParse({ V: {} }).success).toBe(false);
    expect(incidentClocksSchema.safeParse({ I: { onSiteWithinMinutes: -1 } }).success).toBe(false);
    expect(incidentClocksSchema.safeParse({ I: { onSite: 10 } }).success).toBe(false);
  });
});

describe('the scopes an incident concerns', () => {
  it('are its regions and every scope above them, never below or beside', () => {
    expect([...incidentScopes(['420102', '420502'])].sort()).toEqual(
      ['420000', '420100', '420102', '420500', '420502', 'national'].sort(),
    );
    expect(incidentScopes(['420000']).has('420100')).toBe(false);
  });
});
