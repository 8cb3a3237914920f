// The product-level evaluation's scoring (bench/alerts-eval/product-score.ts): an alert belongs to the
// incidents whose labelled cases it holds; detection time comes from the first change that holds them.
import type { Alert, AlertLogEntry } from '@shared/alerts';
import { CaseModel } from '@simulator/model';
import { describe, expect, it } from 'vitest';
import {
  falseAlerts,
  incidentKeyOf,
  keysByAlert,
  scoreScenarios,
  type JudgedScenario,
} from '../../bench/alerts-eval/product-score';

const HOUR = 3_600_000;
const START = Date.parse('2026-11-03T13:00:00+08:00');

function alert(id: string, openedAtMs: number): Alert {
  const at = new Date(openedAtMs).toISOString();
  return { id, kinds: ['surge'], openedAt: at, updatedAt: at } as unknown as Alert;
}
const log = (type: AlertLogEntry['type'], atMs: number) =>
  ({ type, at: new Date(atMs).toISOString() }) as AlertLogEntry;

describe('product-level scoring', () => {
  it('reads the incident key from the ids the simulator gives incident cases, and none from ordinary ones', () => {
    const model = new CaseModel({ seed: 5 });
    const scenario = model.inject('food-poisoning', START);
    const seeds = model.arrivals(START, START + 12 * HOUR);
    const incidentIds = seeds.filter((s) => s.scenario).map((s) => s.id);
    expect(incidentIds.length).toBe(scenario.arrivals.length);
    expect(new Set(incidentIds.map(incidentKeyOf))).toEqual(new Set([scenario.key]));
    expect(seeds.filter((s) => !s.scenario).every((s) => incidentKeyOf(s.id) === undefined)).toBe(true);
  });

  it('keeps the ordinary flow and the incidents apart, and the thinned flow a subset of the full one', () => {
    const from = START;
    const to = START + 2 * HOUR;
    const all = new CaseModel({ seed: 5 });
    all.inject('food-poisoning', START);
    const incidents = new CaseModel({ seed: 5, streams: 'incidents' });
    incidents.inject('food-poisoning', START);
    const ordinary = new CaseModel({ seed: 5, streams: 'ordinary' }).arrivals(from, to);
    const thinned = new CaseModel({ seed: 5, streams: 'ordinary', rateScale: 0.25 }).arrivals(from, to);
    const ids = (list: { id: string }[]) => list.map((s) => s.id).sort();
    expect(ids([...ordinary, ...incidents.arrivals(from, to)])).toEqual(ids(all.arrivals(from, to)));
    expect(ordinary.every((s) => !s.scenario)).toBe(true);
    const full = new Set(ids(ordinary));
    expect(thinned.every((s) => full.has(s.id))).toBe(true);
    expect(thinned.length / ordinary.length).toBeGreaterThan(0.2);
    expect(thinned.length / ordinary.length).toBeLessThan(0.3);
  });

  it('counts the alerts holding an incident, times the first change holding it and calls the rest false', () => {
    const scenario: JudgedScenario = {
      key: 'Iabcfp',
      type: 'food-poisoning',
      firstCaseMs: START,
      cases: 40,
      where: 'x',
    };
    const missed: JudgedScenario = { ...scenario, key: 'Idefpc', type: 'prepaid-collapse' };
    // one alert opened by ordinary cases an hour before, taking the incident in 3 h after its first case;
    // one opened by the incident 1.5 h after; one about nothing labelled
    const alerts = [alert('early', START - HOUR), alert('direct', START + 1.5 * HOUR), alert('noise', START)];
    const keys = keysByAlert(
      new Map([
        ['early', ['S1-202611031200-001', 'S1-XIabcfp-0003']],
        ['direct', ['S1-XIabcfp-0000', 'S1-XIabcfp-0001']],
        ['noise', ['S1-202611031300-007']],
      ]),
    );
    const logs = new Map([
      ['early', [log('opened', START - HOUR), log('updated', START + 3 * HOUR)]],
      ['direct', [log('opened', START + 1.5 * HOUR)]],
    ]);
    const [found, notFound] = scoreScenarios([scenario, missed], alerts, keys, logs);
    expect(found).toMatchObject({ alerts: 2, hoursToDetect: 1.5 });
    expect(notFound).toMatchObject({ alerts: 0, hoursToDetect: undefined });
    expect(falseAlerts(alerts, keys).map((a) => a.id)).toEqual(['noise']);
  });
});
