// What a query needs to know of a scope: the adcode range it covers (a province or city covers every
// code below it) and, for queries that count by child region, the child level to group by.
import { childCodeOf, type Scope } from '@shared/regions';

export interface RegionRange {
  regionFrom: number;
  regionTo: number;
}

export interface ChildRegions extends RegionRange {
  scope: Scope;
  /** a child's code is intDiv(region_code, childDivisor) * childDivisor (shared/regions.ts childDivisor) */
  childDivisor: number;
}

/** The child region of the scope a row's child code belongs to; undefined for the scope's own code. */
export function childOf(scope: ChildRegions, childRegionCode: number): string | undefined {
  return childCodeOf(scope.scope, String(childRegionCode).padStart(6, '0'));
}
