import { describe, expect, it } from 'vitest';
import { boundsOf, unionBounds } from './boundaries';
import { getRegion } from '@shared/regions';
import { regionLabel, shortRegionName } from './labels';

describe('map labels and bounds', () => {
  it('shortens province names only', () => {
    expect(shortRegionName('内蒙古自治区', 'province')).toBe('内蒙古');
    expect(shortRegionName('广西壮族自治区', 'province')).toBe('广西');
    expect(shortRegionName('湖北省', 'province')).toBe('湖北');
    expect(shortRegionName('北京市', 'province')).toBe('北京');
    expect(shortRegionName('香港特别行政区', 'province')).toBe('香港');
    expect(shortRegionName('武汉市', 'city')).toBe('武汉市');
  });

  it('drops the administrative kind of English names, unless a sibling would read the same', () => {
    const label = (code: string) => regionLabel(getRegion(code)!, 'en');
    expect(label('420000')).toBe('Hubei');
    expect(label('420100')).toBe('Wuhan');
    expect(label('420102')).toBe("Jiang'an");
    expect(label('429004')).toBe('Xiantao');
    expect(label('622901')).toBe('Linxia City');
    expect(label('622921')).toBe('Linxia County');
    expect(regionLabel(getRegion('420102')!, 'zh')).toBe('江岸区');
  });

  it('computes bounds across geometry types', () => {
    const bounds = boundsOf([
      { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [110, 20] } },
      {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'MultiPolygon',
          coordinates: [
            [
              [
                [100, 30],
                [120, 30],
                [120, 40],
                [100, 30],
              ],
            ],
            [
              [
                [112, 4],
                [113, 4],
                [113, 5],
                [112, 4],
              ],
            ],
          ],
        },
      },
    ]);
    expect(bounds).toEqual([
      [100, 4],
      [120, 40],
    ]);
    expect(
      unionBounds(bounds, [
        [73, 3],
        [101, 50],
      ]),
    ).toEqual([
      [73, 3],
      [120, 50],
    ]);
    expect(boundsOf([])).toBeNull();
  });
});
