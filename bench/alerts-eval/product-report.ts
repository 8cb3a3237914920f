// The product-level evaluation's tables (markdown, pasted into docs/benchmarks.md).
import type { Alert } from '@shared/alerts';
import { SCENARIO_TYPES } from '@simulator/scenarios';
import { DETECTION_TARGET_HOURS, type ScenarioOutcome } from './product-score';

export interface ProductFigures {
  days: number;
  outcomes: ScenarioOutcome[];
  /** undefined: judged by an earlier run (PRODUCT_PHASE=incidents) */
  twinAlerts?: Alert[];
  withIncidentsFalse: Alert[];
  stepSeconds: number[];
}

const quantile = (values: number[], q: number) => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const fmt = (v: number | undefined, digits = 1) => (v === undefined ? '-' : v.toFixed(digits));

function alertLine(a: Alert): string {
  return `| ${a.openedAt.slice(0, 16)} | ${a.title} | ${a.kinds.join('+')} | ${a.observed} vs ${a.expected.toFixed(1)} | ${a.score.toFixed(1)} | ${a.status} |`;
}

export function productReport({ days, outcomes, twinAlerts, withIncidentsFalse, stepSeconds }: ProductFigures): void {
  console.log('\n### Injected incidents (detected, alerts per incident, hours from its first case)\n');
  console.log('| type | incidents | detected | exactly one alert | hours to detect: median | max | within target |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const type of SCENARIO_TYPES) {
    const of = outcomes.filter((o) => o.type === type);
    const hours = of.map((o) => o.hoursToDetect).filter((h): h is number => h !== undefined);
    const target = DETECTION_TARGET_HOURS[type];
    console.log(
      `| ${type} | ${of.length} | ${hours.length} | ${of.filter((o) => o.alerts === 1).length} | ${fmt(quantile(hours, 0.5))} | ${fmt(hours.length ? Math.max(...hours) : undefined)} | ${hours.filter((h) => h <= target).length} (≤ ${target} h) |`,
    );
  }
  console.log('\n| incident | type | cases | first case (UTC) | alerts | kinds | hours to detect | where |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const o of outcomes)
    console.log(
      `| ${o.key} | ${o.type} | ${o.cases} | ${new Date(o.firstCaseMs).toISOString().slice(0, 16)} | ${o.alerts} | ${o.kinds.join('+') || '-'} | ${fmt(o.hoursToDetect)} | ${o.where} |`,
    );
  console.log(`\n### False alerts over ${days} days judged\n`);
  console.log('| history | false alerts | a day |');
  console.log('| --- | --- | --- |');
  if (twinAlerts) console.log(`| scenario-free twin | ${twinAlerts.length} | ${fmt(twinAlerts.length / days, 2)} |`);
  console.log(
    `| with incidents (alerts holding no incident's case) | ${withIncidentsFalse.length} | ${fmt(withIncidentsFalse.length / days, 2)} |`,
  );
  for (const [label, list] of [
    ['scenario-free twin', twinAlerts ?? []],
    ['with incidents', withIncidentsFalse],
  ] as const) {
    if (list.length === 0) continue;
    console.log(`\nFalse alerts, ${label}:\n`);
    console.log('| opened (UTC) | title | kinds | observed vs expected | score | status |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    for (const a of list) console.log(alertLine(a));
  }
  console.log(
    `\nOne hourly step (all detectors nationally + the intake): p50 ${fmt(quantile(stepSeconds, 0.5), 2)} s, p95 ${fmt(quantile(stepSeconds, 0.95), 2)} s, ${stepSeconds.length} steps`,
  );
}
