// Checks the committed output of scripts/build-refdata.ts (public/geo, public/fonts) against the
// region list, plus the code-list rules on a small fixture.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allRegions, childrenOf, getRegion } from '@shared/regions';
import { buildRegionDrafts } from './refdata/code-list';
import type { FeatureCollection, Position } from './refdata/geodata';
import type { LayerProps } from './refdata/layers';
import type { LineProps } from './refdata/lines';

const ROOT = path.resolve(import.meta.dirname, '..');
const readJson = <T>(file: string): T => JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8')) as T;
const layer = (name: string) => readJson<FeatureCollection<LayerProps>>(`public/geo/${name}.json`);
const manifest = readJson<{ files: { file: string }[]; regionsWithoutPolygon: string[] }>('public/geo/manifest.json');

describe('boundary pack', () => {
  const layers = { province: layer('province'), city: layer('city'), county: layer('county') };

  it('has a polygon for every child of every scope, in the layer the map picks', () => {
    const withoutPolygon = new Set(manifest.regionsWithoutPolygon);
    const codes = Object.fromEntries(
      Object.entries(layers).map(([name, fc]) => [name, new Set(fc.features.map((f) => f.properties.adcode))]),
    );
    for (const scope of ['national', ...allRegions().map((r) => r.code)]) {
      const children = childrenOf(scope);
      const level = children[0]?.level;
      for (const child of children) {
        if (withoutPolygon.has(child.code)) continue;
        expect(codes[level!].has(child.code), `${child.code} in ${level}.json`).toBe(true);
      }
    }
    expect(withoutPolygon.size).toBeLessThan(150);
  });

  it('gives each feature a numeric id and the properties the map reads', () => {
    for (const fc of Object.values(layers)) {
      for (const f of fc.features) {
        expect(f.id).toBe(Number(f.properties.adcode));
        const region = getRegion(f.properties.adcode);
        if (region)
          expect(f.properties).toEqual({
            adcode: region.code,
            name: region.name,
            level: region.level,
            parent: region.parent,
          });
      }
    }
  });

  it('keeps the South China Sea islands in the province layer and the dash line', () => {
    const hainan = layers.province.features.find((f) => f.properties.adcode === '460000')!;
    expect(hainan.geometry.type).toBe('MultiPolygon');
    const polygons = hainan.geometry.coordinates as Position[][][];
    expect(polygons.filter((p) => p[0][0][1] < 12).length).toBeGreaterThan(100); // 南沙群岛
    expect(layers.province.features.map((f) => f.properties.adcode)).toContain('710000');
    const lines = readJson<FeatureCollection<LineProps>>('public/geo/lines.json');
    expect(lines.features.filter((f) => f.properties.kind === 'dash-line' && f.properties.province)).toHaveLength(1);
  });

  it('lists its files in the manifest', () => {
    expect(manifest.files.map((f) => f.file)).toEqual(['province.json', 'city.json', 'county.json', 'lines.json']);
  });
});

describe('fonts', () => {
  it('declares weights 400 and 700 of Noto Sans SC with files that exist', () => {
    const css = fs.readFileSync(path.join(ROOT, 'public/fonts/fonts.css'), 'utf8');
    expect(css).toContain("font-family: 'Noto Sans SC'");
    const files = [...css.matchAll(/url\(\.\/([^)]+)\)/g)].map((m) => m[1]);
    expect(files.some((f) => f.endsWith('-400-normal.woff2'))).toBe(true);
    expect(files.some((f) => f.endsWith('-700-normal.woff2'))).toBe(true);
    for (const file of files) expect(fs.existsSync(path.join(ROOT, 'public/fonts', file)), file).toBe(true);
    expect(fs.readFileSync(path.join(ROOT, 'public/fonts/LICENSE'), 'utf8')).toContain('SIL OPEN FONT LICENSE');
  });
});

describe('code-list rules', () => {
  const drafts = buildRegionDrafts({
    provinces: [
      { code: '11', name: '北京市' },
      { code: '42', name: '湖北省' },
      { code: '44', name: '广东省' },
    ],
    cities: [
      { code: '1101', name: '市辖区', provinceCode: '11' },
      { code: '4201', name: '武汉市', provinceCode: '42' },
      { code: '4290', name: '省直辖县级行政区划', provinceCode: '42' },
      { code: '4419', name: '东莞市', provinceCode: '44' },
    ],
    areas: [
      { code: '110101', name: '东城区', cityCode: '1101', provinceCode: '11' },
      { code: '420102', name: '江岸区', cityCode: '4201', provinceCode: '42' },
      { code: '429004', name: '仙桃市', cityCode: '4290', provinceCode: '42' },
      { code: '441900', name: '东莞市', cityCode: '4419', provinceCode: '44' },
    ],
  });
  const parentOf = (code: string) => drafts.find((d) => d.code === code)?.parent;

  it('drops pseudo-cities and re-parents their counties to the province', () => {
    expect(drafts.map((d) => d.code)).not.toContain('110100');
    expect(drafts.map((d) => d.code)).not.toContain('429000');
    expect(parentOf('110101')).toBe('110000');
    expect(parentOf('429004')).toBe('420000');
    expect(parentOf('420102')).toBe('420100');
  });

  it('romanises every city and county', () => {
    const nameEn = (code: string) => drafts.find((d) => d.code === code)?.nameEn;
    expect(nameEn('420000')).toBe('Hubei');
    expect(nameEn('420100')).toBe('Wuhan');
    expect(nameEn('420102')).toBe("Jiang'an District");
    expect(nameEn('429004')).toBe('Xiantao City');
    expect(nameEn('110101')).toBe('Dongcheng District');
  });

  it('keeps a county-less city once, as a city', () => {
    expect(drafts.filter((d) => d.code === '441900')).toEqual([
      { code: '441900', level: 'city', name: '东莞市', nameEn: 'Dongguan', parent: '440000' },
    ]);
  });
});
