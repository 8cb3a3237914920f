import { describe, expect, it } from 'vitest';
import { getRegion } from '@shared/regions';
import { casePlace } from './region-name';

// Uses the shipped region list, which always holds Hubei, Wuhan and Jiang'an district.
describe('case place', () => {
  it('names a county from each scope above it', () => {
    expect(getRegion('420102')?.name).toBe('江岸区');
    expect(casePlace('420102', 'national', 'zh')).toBe('湖北 江岸区');
    expect(casePlace('420102', '420000', 'zh')).toBe('武汉市 江岸区');
    expect(casePlace('420102', '420100', 'zh')).toBe('江岸区');
    expect(casePlace('420102', '420102', 'zh')).toBe('江岸区');
  });

  it('uses the English names of every level in English', () => {
    expect(casePlace('420102', 'national', 'en')).toBe("Hubei Jiang'an");
    expect(casePlace('420102', '420000', 'en')).toBe("Wuhan Jiang'an");
    expect(casePlace('429004', 'national', 'en')).toBe('Hubei Xiantao');
    // 临夏市 and 临夏县 are siblings: both keep their kind
    expect(casePlace('622901', '622900', 'en')).toBe('Linxia City');
  });

  it('falls back to the code for an unknown region', () => {
    expect(casePlace('999999', 'national', 'zh')).toBe('999999');
  });
});
