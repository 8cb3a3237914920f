// npm run eval:alerts: the detectors against EARS C1-C3 on labelled series after Noufaily et al.,
// at the false-alarm rate EARS C3 runs at with its classic threshold, and by partial AUC.
// EVAL_REPLICATES (default 20) series per signal and outbreak size k.
// `npm run eval:alerts -- product`: the product-level run on the demo simulator's history instead (product.ts).
if (process.argv[2] === 'product') {
  await import('./product');
  process.exit(0);
}
import { EARS_THRESHOLDS } from '@server/alerts/stats/ears';
import { mixSeed } from '@simulator/random';
import { cusumDetector, earsDetectors, surgeDetector, type EvalDetector } from './detectors';
import {
  dayMaxima,
  falseAlarmRate,
  hoursToDetect,
  median,
  outbreakWindow,
  partialAuc,
  thresholdForRate,
  type OutbreakScores,
} from './metrics';
import { SIGNALS, labelledSeries } from './series';

const REPLICATES = Number(process.env.EVAL_REPLICATES ?? 20);
const KS = [2, 3, 5, 10] as const;
const HISTORY_DAYS = 70;
const OUTBREAK_WINDOW_DAYS = 49 * 7;
const DAYS = HISTORY_DAYS + OUTBREAK_WINDOW_DAYS;
const FROM_HOUR = HISTORY_DAYS * 24;

const detectors: EvalDetector[] = [surgeDetector, cusumDetector, ...earsDetectors];

interface Collected {
  clean: number[];
  outbreaks: Array<OutbreakScores & { signal: number }>;
}

const started = performance.now();
const collected = new Map<string, Collected>(detectors.map((d) => [d.name, { clean: [], outbreaks: [] }]));
for (const spec of SIGNALS) {
  for (const k of KS) {
    for (let r = 0; r < REPLICATES; r += 1) {
      const series = labelledSeries(spec, k, mixSeed(spec.id, k, r), DAYS, OUTBREAK_WINDOW_DAYS);
      for (const detector of detectors) {
        const into = collected.get(detector.name)!;
        into.clean.push(...dayMaxima(detector.score(series.clean, FROM_HOUR)));
        const track = detector.score(series.counts, FROM_HOUR);
        into.outbreaks.push({
          ...outbreakWindow(track, series.outbreak.startHour, series.outbreak.endHour, k),
          signal: spec.id,
        });
      }
    }
  }
}

const maxOf = (o: OutbreakScores) => Math.max(Number.NEGATIVE_INFINITY, ...o.scores);
const c3 = collected.get('EARS C3')!;
const operatingRate = falseAlarmRate(c3.clean, EARS_THRESHOLDS.c3);
const fmt = (v: number | undefined, digits = 2) => (v === undefined ? '-' : v.toFixed(digits));

console.log(
  `\nAlert detectors on Noufaily-type series: ${SIGNALS.length} signals x ${KS.length} outbreak sizes x ${REPLICATES} replicates, ${OUTBREAK_WINDOW_DAYS} days each scored`,
);
console.log(
  `operating point: the false-alarm rate of EARS C3 at its classic threshold ${EARS_THRESHOLDS.c3}: ${(operatingRate * 100).toFixed(2)} % of days\n`,
);
console.log(
  '| detector | FAR / day | POD k=2 | k=3 | k=5 | k=10 | median hours to detect | partial AUC (FAR <= 0.01) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const detector of detectors) {
  const { clean, outbreaks } = collected.get(detector.name)!;
  const threshold = detector.name === 'EARS C3' ? EARS_THRESHOLDS.c3 : thresholdForRate(clean, operatingRate);
  const pods = KS.map((k) => {
    const ofK = outbreaks.filter((o) => o.k === k);
    return ofK.filter((o) => hoursToDetect(o, threshold) !== undefined).length / ofK.length;
  });
  const delays = outbreaks.map((o) => hoursToDetect(o, threshold)).filter((h): h is number => h !== undefined);
  const auc = partialAuc(clean, outbreaks.map(maxOf));
  console.log(
    `| ${detector.name} | ${fmt(falseAlarmRate(clean, threshold), 4)} | ${pods.map((p) => fmt(p)).join(' | ')} | ${fmt(median(delays), 0)} | ${fmt(auc, 4)} |`,
  );
}
console.log('\nPOD by signal at the same operating point (all k)\n');
console.log(`| detector | ${SIGNALS.map((s) => `signal ${s.id}`).join(' | ')} |`);
console.log(`| --- |${SIGNALS.map(() => ' --- |').join('')}`);
for (const detector of detectors) {
  const { clean, outbreaks } = collected.get(detector.name)!;
  const threshold = detector.name === 'EARS C3' ? EARS_THRESHOLDS.c3 : thresholdForRate(clean, operatingRate);
  const pods = SIGNALS.map((spec) => {
    const ofSignal = outbreaks.filter((o) => o.signal === spec.id);
    return ofSignal.filter((o) => hoursToDetect(o, threshold) !== undefined).length / ofSignal.length;
  });
  console.log(`| ${detector.name} | ${pods.map((p) => fmt(p)).join(' | ')} |`);
}
console.log(`\n(${((performance.now() - started) / 1000).toFixed(1)} s)`);
