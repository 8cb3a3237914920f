// MapLibre draws labels without a glyph server when the style declares `font-faces`. We build that
// declaration from the self-hosted fonts.css, so the map uses exactly the files (and unicode-range
// slices) the page uses, and a replaced font pack needs no code change. Each file is downloaded only
// when a character it covers is drawn.
import type { FontFacesSpecification } from 'maplibre-gl';

/** The text-font name the style's symbol layers ask for. */
export const LABEL_FONT = 'Noto Sans SC';

interface CssFontFace {
  family: string;
  weight: string;
  url: string;
  unicodeRange: string[];
}

/** The @font-face rules of a stylesheet, with their first url() resolved against the sheet's URL. */
export function parseFontFaces(css: string, sheetUrl: string): CssFontFace[] {
  const faces: CssFontFace[] = [];
  for (const match of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const block = match[1];
    const family = /font-family\s*:\s*['"]?([^;'"]+)['"]?\s*;/.exec(block)?.[1].trim();
    // Prefer woff2: every browser that runs MapLibre 6 reads it.
    const urls = [...block.matchAll(/url\(\s*['"]?([^'")]+)['"]?\s*\)/g)].map((m) => m[1]);
    const url = urls.find((u) => u.endsWith('.woff2')) ?? urls[0];
    if (!family || !url) continue;
    const range = /unicode-range\s*:\s*([^;]+);?/.exec(block)?.[1];
    faces.push({
      family,
      weight: /font-weight\s*:\s*([^;]+);/.exec(block)?.[1].trim() ?? '400',
      url: new URL(url, sheetUrl).href,
      unicodeRange: range
        ? range
            .split(',')
            .map((r) => r.trim())
            .filter(Boolean)
        : [],
    });
  }
  return faces;
}

/** The `font-faces` value for LABEL_FONT: regular-weight files of that family (bold ones if that is all there is). */
export function labelFontFaces(faces: readonly CssFontFace[]): FontFacesSpecification {
  const family = faces.filter((f) => f.family === LABEL_FONT);
  const regular = family.filter((f) => f.weight === '400' || f.weight === 'normal');
  const chosen = regular.length ? regular : family;
  if (!chosen.length) return {};
  return {
    [LABEL_FONT]: chosen.map((f) =>
      f.unicodeRange.length ? { url: f.url, 'unicode-range': f.unicodeRange } : { url: f.url },
    ),
  };
}

/** Fetches fonts.css (relative to the page) and returns the label font declaration; empty on failure. */
export async function loadLabelFontFaces(sheetPath = 'fonts/fonts.css'): Promise<FontFacesSpecification> {
  const sheetUrl = new URL(sheetPath, document.baseURI).href;
  try {
    const response = await fetch(sheetUrl);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return labelFontFaces(parseFontFaces(await response.text(), sheetUrl));
  } catch (error) {
    console.warn(`map labels: no self-hosted font from ${sheetUrl}, using local fonts`, error);
    return {};
  }
}
