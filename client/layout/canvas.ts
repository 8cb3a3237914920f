// The wall is designed on a 1920x1080 canvas but laid out at the display's real resolution: one design
// pixel is `unit` CSS pixels, published as the root font size (1rem = 16 design px) and as --u. Nothing
// is scaled as a bitmap, so text and charts stay sharp at 3840x2160 and on ultra-wide walls.
import { readonly, ref } from 'vue';
import type { LayoutName, WallTile } from '@client/env/wall-params';

export const DESIGN_HEIGHT_PX = 1080;
/** standard is designed 16:9; wide at least 32:9 and stretches to 48:9 and beyond */
export const DESIGN_WIDTH_PX: Record<LayoutName, number> = { standard: 1920, wide: 3840 };

export interface WallCanvas {
  /** the whole wall, all tiles together, CSS px */
  widthPx: number;
  heightPx: number;
  /** CSS px per design px */
  unit: number;
  /** where this display's slice starts within the canvas, CSS px (0 without tiles) */
  offsetXPx: number;
}

export function computeCanvas(
  viewportWidthPx: number,
  viewportHeightPx: number,
  layout: LayoutName,
  tile: WallTile | null,
): WallCanvas {
  const count = tile?.count ?? 1;
  const widthPx = viewportWidthPx * count;
  const unit = Math.min(widthPx / DESIGN_WIDTH_PX[layout], viewportHeightPx / DESIGN_HEIGHT_PX);
  return {
    widthPx,
    heightPx: viewportHeightPx,
    unit: Math.max(0.25, unit),
    offsetXPx: tile ? (tile.index - 1) * viewportWidthPx : 0,
  };
}

const canvas = ref<WallCanvas>(computeCanvas(1920, 1080, 'standard', null));

/** The canvas, reactive: charts read `unit` to size their text. */
export const wallCanvas = readonly(canvas);

/** Follow the window size; returns the function that stops following. */
export function trackCanvas(layout: LayoutName, tile: WallTile | null): () => void {
  const apply = () => {
    canvas.value = computeCanvas(window.innerWidth, window.innerHeight, layout, tile);
    const root = document.documentElement.style;
    root.setProperty('--u', `${canvas.value.unit}px`);
    root.fontSize = `${16 * canvas.value.unit}px`;
  };
  apply();
  window.addEventListener('resize', apply);
  return () => window.removeEventListener('resize', apply);
}
