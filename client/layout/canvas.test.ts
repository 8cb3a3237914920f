import { describe, expect, it } from 'vitest';
import { computeCanvas } from './canvas';

describe('wall canvas', () => {
  it('lays out 4K at twice the design size instead of scaling a bitmap', () => {
    expect(computeCanvas(1920, 1080, 'standard', null)).toEqual({
      widthPx: 1920,
      heightPx: 1080,
      unit: 1,
      offsetXPx: 0,
    });
    expect(computeCanvas(3840, 2160, 'standard', null).unit).toBe(2);
  });

  it('fits the limiting dimension', () => {
    expect(computeCanvas(1920, 1200, 'standard', null).unit).toBe(1);
    expect(computeCanvas(1280, 1080, 'standard', null).unit).toBeCloseTo(2 / 3);
  });

  it('sizes ultra-wide walls by height', () => {
    expect(computeCanvas(3840, 1080, 'wide', null).unit).toBe(1);
    expect(computeCanvas(5760, 1080, 'wide', null).unit).toBe(1);
    expect(computeCanvas(7680, 2160, 'wide', null).unit).toBe(2);
  });

  it('gives each tile its slice of the whole canvas', () => {
    const tile = computeCanvas(1920, 1080, 'wide', { index: 2, count: 3 });
    expect(tile).toEqual({ widthPx: 5760, heightPx: 1080, unit: 1, offsetXPx: 1920 });
  });
});
