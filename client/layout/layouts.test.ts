import { describe, expect, it } from 'vitest';
import { TILE_IDS } from '@shared/panels';
import { LAYOUTS } from './layouts';

/** The cells of each named area, as [row, column]. */
function areaCells(areas: readonly string[]): Map<string, Array<[number, number]>> {
  const cells = new Map<string, Array<[number, number]>>();
  areas.forEach((row, r) =>
    row
      .trim()
      .split(/\s+/)
      .forEach((name, c) => cells.set(name, [...(cells.get(name) ?? []), [r, c]])),
  );
  return cells;
}

describe('layouts', () => {
  for (const [name, grid] of Object.entries(LAYOUTS)) {
    it(`${name} places every tile of the registry, each as one rectangle, and nothing else`, () => {
      const cells = areaCells(grid.areas);
      expect([...cells.keys()].sort()).toEqual([...TILE_IDS].sort());
      const columns = grid.columns.split(/\s+/).length;
      for (const row of grid.areas) expect(row.trim().split(/\s+/)).toHaveLength(columns);
      expect(grid.rows.split(/\s+/)).toHaveLength(grid.areas.length);
      for (const [tile, placed] of cells) {
        const rows = placed.map(([r]) => r);
        const cols = placed.map(([, c]) => c);
        const height = Math.max(...rows) - Math.min(...rows) + 1;
        const width = Math.max(...cols) - Math.min(...cols) + 1;
        expect(placed.length, `${name}: ${tile} is not a rectangle`).toBe(height * width);
      }
    });
  }
});
