// The detectors one national cycle runs, by name, for the cycle benchmarks (alerts-cycle-server.ts,
// alerts-cycle-parts.ts): the scheduled detector jobs and the term detector, each on its share of
// the national false-alert budget.
import { DETECTOR_COUNT } from '../server/alerts/detectors/budget';
import { DETECTOR_JOBS } from '../server/alerts/detectors/register-detectors';
import { evaluateTermDetector, TERM_DETECTOR_DEFAULTS } from '../server/alerts/detectors/term-detector';

type Evaluate = (typeof DETECTOR_JOBS)[number][2];

export function cycleDetectors(budgetPerDay: number): Array<[string, Evaluate]> {
  return [
    ...DETECTOR_JOBS.map(([name, , evaluate]): [string, Evaluate] => [name, evaluate]),
    [
      'term-detector',
      (ch, { atMs }) =>
        evaluateTermDetector(ch, atMs, {
          ...TERM_DETECTOR_DEFAULTS,
          falseSignalsPerDay: budgetPerDay / DETECTOR_COUNT,
        }),
    ],
  ];
}
