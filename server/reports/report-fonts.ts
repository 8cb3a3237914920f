// Noto Sans SC for the report, from the shipped @fontsource/noto-sans-sc package (SIL OFL 1.1): the
// font is cut into ~100 files by unicode-range, and a report uses a few hundred characters, so only
// the files holding characters of this report are embedded, as data URLs. The HTML then renders the
// same offline, in a browser or in the PDF's Chromium, and never asks the network for a font.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

interface FontFile {
  weight: 400 | 700;
  file: string;
  /** [first, last] code points */
  ranges: Array<[number, number]>;
}

const packageDir = path.dirname(createRequire(import.meta.url).resolve('@fontsource/noto-sans-sc/package.json'));

function parseFaces(weight: 400 | 700): FontFile[] {
  const css = fs.readFileSync(path.join(packageDir, `${weight}.css`), 'utf8');
  const faces: FontFile[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [first, last] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(first, 16), parseInt(last ?? first, 16)];
    });
    faces.push({ weight, file: path.join(packageDir, file), ranges });
  }
  return faces;
}

let faces: FontFile[] | undefined;
const dataUrls = new Map<string, string>();

function dataUrlOf(file: string): string {
  let url = dataUrls.get(file);
  if (!url) {
    url = `data:font/woff2;base64,${fs.readFileSync(file).toString('base64')}`;
    dataUrls.set(file, url);
  }
  return url;
}

function codePointsOf(text: string): number[] {
  const codePoints = new Set<number>();
  for (const char of text) codePoints.add(char.codePointAt(0)!);
  return [...codePoints];
}

/**
 * @font-face rules for the regular files that hold the characters of `text` and the bold files that
 * hold those of `boldText` (headings, table heads, figures in bold): about half the size of both
 * weights for everything.
 */
export function fontFacesFor(text: string, boldText: string): string {
  faces ??= [...parseFaces(400), ...parseFaces(700)];
  const points = { 400: codePointsOf(text), 700: codePointsOf(boldText) };
  const wanted = faces.filter((face) =>
    face.ranges.some(([first, last]) => points[face.weight].some((cp) => cp >= first && cp <= last)),
  );
  return wanted
    .map(
      (face) =>
        `@font-face{font-family:'Noto Sans SC';font-style:normal;font-weight:${face.weight};` +
        `src:url(${dataUrlOf(face.file)}) format('woff2');unicode-range:${face.ranges
          .map(([a, b]) => (a === b ? `U+${a.toString(16)}` : `U+${a.toString(16)}-${b.toString(16)}`))
          .join(',')};}`,
    )
    .join('\n');
}
