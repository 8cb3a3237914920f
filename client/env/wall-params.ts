// What a display is told by its URL. Walls are configured by URL only (no settings page), so every
// parameter has a safe default and a bad value falls back to it instead of breaking the display.
import type { Scope } from '@shared/regions';
import { WALL_ID_PATTERN } from '@shared/wall-modes';
import { parseLocale, type Locale } from '@client/i18n';
import { MEASURES, type Measure } from '@client/stores/measures';

export type LayoutName = 'standard' | 'wide';

export interface WallTile {
  /** 1-based position from the left */
  index: number;
  count: number;
}

export interface WallParams {
  layout: LayoutName;
  /** null: this display shows the whole canvas */
  tile: WallTile | null;
  scope: Scope;
  /** director mode: the map drills down on click */
  director: boolean;
  lang: Locale;
  measure: Measure;
  /** ?focus=<incident id>: the director's focus view of one incident; null for the wall */
  focus: string | null;
  /** ?chime=1: a new high-severity alert also sounds a tone (a wall in a staffed room; off by default) */
  chime: boolean;
  /** ?wall=<id>: the wall group this display belongs to; null: the server picks the scope's own group */
  wall: string | null;
}

const MAX_TILES = 12;

export function parseTile(value: string | null): WallTile | null {
  const match = /^(\d{1,2})\/(\d{1,2})$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 2 || count > MAX_TILES || index < 1 || index > count) return null;
  return { index, count };
}

/** A wall group id (shared/wall-modes.ts: WALL_ID_PATTERN); anything else is no group, the scope's default. */
export function parseWallId(value: string | null): string | null {
  const id = value?.trim() ?? '';
  return WALL_ID_PATTERN.test(id) ? id : null;
}

/** An incident id as the server makes them (a UUID) or any short plain id; anything else is no focus. */
export function parseFocus(value: string | null): string | null {
  const id = value?.trim() ?? '';
  return /^[\w-]{1,64}$/.test(id) ? id : null;
}

export function parseWallParams(search: string, isValidScope: (scope: string) => boolean): WallParams {
  const params = new URLSearchParams(search);
  const scope = params.get('scope')?.trim() ?? 'national';
  const measure = params.get('measure') as Measure | null;
  return {
    layout: params.get('layout') === 'wide' ? 'wide' : 'standard',
    tile: parseTile(params.get('tile')),
    scope: isValidScope(scope) ? scope : 'national',
    director: params.get('mode') === 'director',
    lang: parseLocale(params.get('lang')),
    measure: measure && MEASURES.includes(measure) ? measure : 'today',
    focus: parseFocus(params.get('focus')),
    chime: params.get('chime') === '1',
    wall: parseWallId(params.get('wall')),
  };
}

/** The URL search string with the scope changed, so a reload after a drill-down stays where it was. */
export function searchWithScope(search: string, scope: Scope): string {
  const parts = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && !part.startsWith('scope='));
  if (scope !== 'national') parts.push(`scope=${scope}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
