import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { insetDrawing, insetProjection, SOUTH_SEA_BOUNDS } from './south-sea-inset';

const island = (lon: number, lat: number): number[][] => [
  [lon, lat],
  [lon + 0.2, lat],
  [lon + 0.2, lat + 0.2],
  [lon, lat],
];

describe('South China Sea inset', () => {
  it('projects the frame corners to the viewBox corners, north up', () => {
    const { aspect, project } = insetProjection();
    const [[west, south], [east, north]] = SOUTH_SEA_BOUNDS;
    expect(project([west, north])).toEqual([0, 0]);
    const [x, y] = project([east, south]);
    expect(x).toBeCloseTo(1000);
    expect(y).toBeCloseTo(1000 / aspect);
    expect(aspect).toBeLessThan(1); // taller than wide: the islands reach far south
  });

  it('keeps the land and dash line inside the frame and leaves out what lies elsewhere', () => {
    const provinces: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [island(112, 4)] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [island(87, 43)] } },
      ],
    };
    const lines: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { province: true },
          geometry: {
            type: 'LineString',
            coordinates: [
              [108, 6],
              [109, 8],
            ],
          },
        },
        {
          type: 'Feature',
          properties: { province: false },
          geometry: {
            type: 'LineString',
            coordinates: [
              [110, 10],
              [111, 11],
            ],
          },
        },
      ],
    };
    const drawing = insetDrawing(provinces, lines);
    expect(drawing.land.match(/M/g)).toHaveLength(1);
    expect(drawing.land.endsWith('Z')).toBe(true);
    expect(drawing.lines.match(/M/g)).toHaveLength(1);
  });
});
