// The UI font is self-hosted in unicode-range slices that the browser fetches only when DOM text uses
// them. Canvas text (ECharts) does not trigger those fetches, so a chart label whose characters appear
// nowhere in the DOM would be drawn as empty boxes on a machine without a CJK system font. We ask for
// every character the wall's fixed vocabulary uses up front; useChart redraws when fonts arrive.
import { CATEGORIES, CHANNELS, KINDS, LINES, STATUSES } from '@shared/codes';
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

export async function preloadWallGlyphs(): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const text = wallVocabulary();
  await Promise.all(['400', '700'].map((weight) => document.fonts.load(`${weight} 16px "${WALL_FONT}"`, text))).catch(
    (error: unknown) => console.warn('wall font: preload failed, falling back to local fonts', error),
  );
}
