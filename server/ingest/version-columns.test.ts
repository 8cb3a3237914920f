// Versions cross from an ingest thread as columns and come back as they left, optional fields too.
import { describe, expect, it } from 'vitest';
import { caseInputSchema } from '@shared/case-schema';
import { benchCases } from '../../bench/bench-cases';
import { toCaseVersion, type CaseVersion } from './case-row';
import { fromWire, toWire } from './version-columns';

describe('versions as columns', () => {
  it('come back from a structured clone as they left', () => {
    const versions: CaseVersion[] = benchCases(20, 'VC').map((c, i) => ({
      ...toCaseVersion(caseInputSchema.parse(c)),
      ...(i % 2 === 0 ? { termsJson: JSON.stringify(['电饭煲', `词${i}`]) } : {}),
      ...(i % 3 === 0 ? { terms: ['旧', '词'], acceptedAtMs: 1_700_000_000_000 + i, extendedDays: 15 } : {}),
    }));
    const taken = { ok: true as const, accepted: versions, indexes: versions.map((_, i) => i * 2), rejected: [] };
    const back = fromWire(structuredClone(toWire(taken)));
    expect(back).toEqual(taken);
    if (!back.ok) throw new Error('refused');
    // absent stays absent, not a key holding undefined
    expect(Object.keys(back.accepted[1])).toEqual(Object.keys(versions[1]));
    expect(Object.keys(back.accepted[0])).toEqual(Object.keys(versions[0]));
  });

  it('leave a refused body as it is', () => {
    const refused = { ok: false as const, status: 413 as const, error: 'too large' };
    expect(fromWire(structuredClone(toWire(refused)))).toEqual(refused);
  });
});
