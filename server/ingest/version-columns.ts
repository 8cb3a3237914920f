// Case versions as columns for the trip from an ingest thread to the event loop. A structured clone
// of a thousand objects writes every field's name a thousand times and makes the receiving side read
// and look each one up again; as columns each name travels once, and the event loop builds the
// objects in one shape (measured: about half the cost of receiving, docs/benchmarks.md, "Ingest").
import type { CaseVersion } from './case-row';
import type { TakenCases } from './take-cases';

/** One array a field, each as long as the versions; the versions as a taken request brought them (with termsJson). */
export type VersionColumns = { [K in keyof CaseVersion]-?: Array<CaseVersion[K]> };

export function toColumns(versions: readonly CaseVersion[]): VersionColumns {
  const column = <K extends keyof CaseVersion>(key: K) => versions.map((version) => version[key]);
  return {
    id: column('id'),
    versionAtMs: column('versionAtMs'),
    receivedAtMs: column('receivedAtMs'),
    dueAtMs: column('dueAtMs'),
    acceptedAtMs: column('acceptedAtMs'),
    extendedDays: column('extendedDays'),
    line: column('line'),
    kind: column('kind'),
    channel: column('channel'),
    regionCode: column('regionCode'),
    category: column('category'),
    issueType: column('issueType'),
    status: column('status'),
    urgent: column('urgent'),
    merchantId: column('merchantId'),
    merchantName: column('merchantName'),
    brand: column('brand'),
    amountYuan: column('amountYuan'),
    recoveredYuan: column('recoveredYuan'),
    lon: column('lon'),
    lat: column('lat'),
    summary: column('summary'),
    termsJson: column('termsJson'),
    terms: column('terms'),
  };
}

export function fromColumns(c: VersionColumns): CaseVersion[] {
  const versions: CaseVersion[] = [];
  for (let i = 0; i < c.id.length; i += 1) {
    const version: CaseVersion = {
      id: c.id[i],
      versionAtMs: c.versionAtMs[i],
      receivedAtMs: c.receivedAtMs[i],
      dueAtMs: c.dueAtMs[i],
      acceptedAtMs: c.acceptedAtMs[i],
      extendedDays: c.extendedDays[i],
      line: c.line[i],
      kind: c.kind[i],
      channel: c.channel[i],
      regionCode: c.regionCode[i],
      category: c.category[i],
      issueType: c.issueType[i],
      status: c.status[i],
      urgent: c.urgent[i],
      merchantId: c.merchantId[i],
      merchantName: c.merchantName[i],
      brand: c.brand[i],
      amountYuan: c.amountYuan[i],
      recoveredYuan: c.recoveredYuan[i],
      lon: c.lon[i],
      lat: c.lat[i],
      summary: c.summary[i],
      termsJson: c.termsJson[i],
    };
    // an optional field absent on the thread stays absent here
    if (version.termsJson === undefined) delete version.termsJson;
    if (c.terms[i] !== undefined) version.terms = c.terms[i];
    versions.push(version);
  }
  return versions;
}

/** TakenCases as they cross from a thread: the accepted versions as columns */
export type TakenOnWire =
  | Exclude<TakenCases, { ok: true }>
  | (Omit<Extract<TakenCases, { ok: true }>, 'accepted'> & { accepted: VersionColumns });

export function toWire(taken: TakenCases): TakenOnWire {
  return taken.ok ? { ...taken, accepted: toColumns(taken.accepted) } : taken;
}

export function fromWire(taken: TakenOnWire): TakenCases {
  return taken.ok ? { ...taken, accepted: fromColumns(taken.accepted) } : taken;
}
