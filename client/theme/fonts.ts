// The UI font is self-hosted in unicode-range slices that the browser fetches only when DOM text uses
// them. Canvas text (ECharts) does not trigger those fetches, so a chart label whose characters appear
// nowhere in the DOM would be drawn as empty boxes on a machine without a CJK system font. We ask for
// every character the wall's fixed vocabulary uses up front; useChart redraws when fonts arrive.
// Region names come second: they cover most slices, and a feed row naming a county for the first
// time would otherwise show blank boxes until its slice arrives (no CJK system font to fall back on).
import { CATEGORIES, CHANNELS, KINDS, LINES, STATUSES } from '@shared/codes';
import { allRegions } from '@shared/regions';
import { messagesFor } from '@client/i18n';

export const WALL_FONT = 'Noto Sans SC';

function textOf(tree: unknown): string {
  if (typeof tree === 'string' || typeof tree === 'function') return String(tree);
  if (tree && typeof tree === 'object') return Object.values(tree).map(textOf).join('');
  return '';
}

export function wallVocabulary(): string {
  const all = textOf([CATEGORIES, CHANNELS, KINDS, LINES, STATUSES, messagesFor('zh'), messagesFor('en')]);
  return [...new Set(`${all}0123456789,.%+−±▲▼■●`)].join('');
}

/** Every character of every shipped region name, once. */
export function regionVocabulary(): string {
  return [...new Set(allRegions().flatMap((region) => [...region.name]))].join('');
}

async function loadGlyphs(text: string): Promise<void> {
  await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 16px "${WALL_FONT}"`, text))).catch(
    (error: unknown) => console.warn('wall font: preload failed, falling back to local fonts', error),
  );
}

export async function preloadWallGlyphs(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  await loadGlyphs(wallVocabulary());
  await loadGlyphs(regionVocabulary());
}
