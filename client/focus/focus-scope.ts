// What the director's focus view (?focus=<incident id>) looks at: the smallest scope holding all the
// incident's regions (a single county shows with its neighbours, in its city), and which of the
// scope's arriving cases are the incident's (in its regions, of its category when it has one).
import type { Category } from '@shared/codes';
import { getRegion, type Scope } from '@shared/regions';

function chain(code: string): string[] {
  const codes: string[] = [];
  for (let region = getRegion(code); region; region = region.parent ? getRegion(region.parent) : undefined)
    codes.unshift(region.code);
  return codes;
}

export function focusScope(regionCodes: readonly string[]): Scope {
  const chains = regionCodes.map(chain).filter((c) => c.length > 0);
  if (chains.length === 0) return 'national';
  let common: string[] = chains[0];
  for (const other of chains.slice(1)) {
    let i = 0;
    while (i < common.length && common[i] === other[i]) i += 1;
    common = common.slice(0, i);
  }
  const scope = common.at(-1);
  if (!scope) return 'national';
  return getRegion(scope)?.level === 'county' ? (getRegion(scope)?.parent ?? scope) : scope;
}

export function caseOfIncident(
  item: { regionCode: string; category: Category },
  incident: { regionCodes: readonly string[]; category: Category | null },
): boolean {
  if (incident.category !== null && item.category !== incident.category) return false;
  const within = chain(item.regionCode);
  return incident.regionCodes.some((code) => within.includes(code));
}
