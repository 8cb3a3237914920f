// One case from its seed: the facts (what, where, who, how much), its wording and its lifecycle,
// and the versions posted to the ingest API (each a full CaseInput with the same id and receivedAt).
// Pure given the seed, so the live scheduler can drop a case and rebuild it when its next step is due.
import type { CaseInput } from '@shared/case-schema';
import type { Category } from '@shared/codes';
import { getRegion } from '@shared/regions';
import { CST_OFFSET_MS } from '@shared/time';
import { amountInvolved } from './amounts';
import { jitterLocation, type Geography, type Place } from './geography';
import { planLifecycle, type Step } from './lifecycle';
import { GOODS, type Mixes } from './mixes';
import type { Merchant, NameBook } from './names';
import { Rng } from './random';
import { incidentFacts, type IncidentFacts } from './scenario-cases';
import type { Scenario } from './scenarios';
import { writeSummary } from './summaries';
import { isStaffedHour } from './working-time';

/** What is needed to rebuild a case: kept by the live scheduler instead of the case itself. */
export interface CaseSeed {
  id: string;
  receivedAtMs: number;
  seed: number;
  /** SIM_SPEED the case was generated at: its lifecycle runs this much faster */
  speed: number;
  scenario?: Scenario;
}

export type CaseFacts = Omit<CaseInput, 'status' | 'updatedAt' | 'recoveredYuan'>;

export interface SimCase {
  facts: CaseFacts;
  steps: Step[];
}

export interface FactoryParts {
  geo: Geography;
  mixes: Mixes;
  names: NameBook;
  /** SIM_LATE_SHARE: complaints and reports handled after their deadline */
  lateShare?: number;
}

const MERCHANT_SHARE = { complaint: 0.92, report: 0.85, consultation: 0.35, suggestion: 0.2 } as const;
const GOODS_LIST = [...GOODS];

/** Beijing-time ISO 8601 with offset, whole seconds: 2026-03-15T09:30:00+08:00. */
export function toCstIso(ms: number): string {
  return `${new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

function ordinaryFacts(rng: Rng, parts: FactoryParts): IncidentFacts {
  const { mixes, geo, names } = parts;
  const kind = mixes.kind(rng);
  const category = mixes.category(rng, kind);
  const issueType = mixes.issueType(rng, kind, category);
  const place = geo.pickPlace(rng);
  let merchant: Merchant | undefined;
  if (rng.chance(MERCHANT_SHARE[kind])) {
    merchant =
      names.isNational(category) && (category !== 'tourism' || rng.chance(0.5))
        ? names.nationalMerchant(rng, category, place.cityShort)
        : names.localMerchant(rng, category, place.cityCode, place.cityShort);
  }
  // online shopping is about goods too: the item bought, whose brand is known half as often
  const goods: Category | undefined = GOODS.has(category)
    ? category
    : category === 'online-shopping'
      ? rng.pick(GOODS_LIST)
      : undefined;
  const brandShare = kind === 'complaint' || kind === 'report' ? 0.7 : 0.3;
  const brand =
    goods && rng.chance(category === 'online-shopping' ? brandShare / 2 : brandShare)
      ? names.brand(rng, goods)
      : undefined;
  return {
    kind,
    category,
    issueType,
    line: mixes.line(rng, category, issueType),
    urgent: mixes.urgent(rng, category, issueType),
    place,
    merchant,
    brand,
    goods,
  };
}

function regionAndLocation(rng: Rng, place: Place): Pick<CaseFacts, 'regionCode' | 'location'> {
  // about 3% are registered with the city only (the caller did not know or say the county)
  const cityOnly = place.cityCode !== place.code && rng.chance(0.03);
  const regionCode = cityOnly ? place.cityCode : place.code;
  if (!rng.chance(0.7)) return { regionCode };
  const label = cityOnly ? (getRegion(place.cityCode)?.label ?? place.label) : place.label;
  return { regionCode, location: jitterLocation(rng, label, cityOnly ? 0.2 : 0.06) };
}

export function buildCase(parts: FactoryParts, seed: CaseSeed): SimCase {
  const rng = new Rng(seed.seed);
  const incident = seed.scenario ? incidentFacts(rng, parts.geo, seed.scenario) : ordinaryFacts(rng, parts);
  const channel = parts.mixes.channel(rng, isStaffedHour(seed.receivedAtMs));
  const amountYuan = amountInvolved(rng, incident.kind, incident.category, incident.medianYuan);
  const facts: CaseFacts = {
    id: seed.id,
    receivedAt: toCstIso(seed.receivedAtMs),
    line: incident.line,
    kind: incident.kind,
    channel,
    ...regionAndLocation(rng, incident.place),
    category: incident.category,
    issueType: incident.issueType,
    ...(incident.urgent ? { urgent: true } : {}),
    ...(incident.merchant ? { merchant: { ...incident.merchant } } : {}),
    ...(incident.brand ? { brand: incident.brand } : {}),
    ...(amountYuan !== undefined ? { amountYuan } : {}),
    summary: writeSummary(rng, {
      ...incident,
      merchantName: incident.merchant?.name,
      goods: incident.goods ?? (GOODS.has(incident.category) ? incident.category : undefined),
    }),
  };
  const steps = planLifecycle(
    rng,
    {
      kind: incident.kind,
      channel,
      receivedAtMs: seed.receivedAtMs,
      amountYuan: amountYuan ?? 0,
      lateShare: parts.lateShare,
    },
    1 / seed.speed,
  );
  return { facts, steps };
}

/** The case as posted at step `index`: full facts, that step's status and time, money recovered so far. */
export function versionAt(sim: SimCase, index: number): CaseInput {
  const step = sim.steps[index];
  const version: CaseInput = { ...sim.facts, updatedAt: toCstIso(step.atMs), status: step.status };
  if (step.recoveredYuan !== undefined) version.recoveredYuan = step.recoveredYuan;
  // a version is the whole case: once accepted, every later one says when
  const accepted = sim.steps.slice(0, index + 1).findLast((s) => s.acceptedAtMs !== undefined);
  if (accepted?.acceptedAtMs !== undefined) version.acceptedAt = toCstIso(accepted.acceptedAtMs);
  return version;
}

/**
 * Appends to `out` the versions of steps from `fromStep` on that are due by `nowMs` (and later than
 * `postAfterMs`, when resuming after a restart); returns the first step not yet due, or -1 when the
 * case has no more steps.
 */
export function takeDueVersions(
  sim: SimCase,
  fromStep: number,
  nowMs: number,
  out: CaseInput[],
  postAfterMs = -Infinity,
): number {
  for (let i = fromStep; i < sim.steps.length; i += 1) {
    const at = sim.steps[i].atMs;
    if (at > nowMs) return i;
    if (at > postAfterMs) out.push(versionAt(sim, i));
  }
  return -1;
}
