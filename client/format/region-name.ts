// How a case's place is written on the wall: enough to locate it from the current scope, short enough
// for one line. National: 湖北 江岸区; in a province: 武汉市 江岸区; in a city: 江岸区.
import { getRegion, type Region, type Scope } from '@shared/regions';
import type { Locale } from '@client/i18n';
import { regionLabel } from '@client/map/labels';

export function casePlace(code: string, scope: Scope, lang: Locale): string {
  const chain: Region[] = [];
  for (let region = getRegion(code); region; region = region.parent ? getRegion(region.parent) : undefined) {
    chain.unshift(region);
  }
  if (chain.length === 0) return code;
  const below = chain.slice(chain.findIndex((r) => r.code === scope) + 1);
  const shown = below.length > 2 ? [below[0], below[below.length - 1]] : below;
  return (shown.length ? shown : chain.slice(-1)).map((r) => regionLabel(r, lang)).join(' ');
}
