// One ECharts instance per component, created once on mount, updated in place with setOption and
// disposed on unmount: rebuilding per tick is what makes wall tabs grow until they crash.
import { onBeforeUnmount, onMounted, shallowRef, watch, type Ref } from 'vue';
import { createChart, type ECharts, type WallChartOption } from './echarts';

export interface UseChartOptions {
  /** components whose lists are replaced rather than merged by index (e.g. series that come and go) */
  replaceMerge?: string[];
}

export function useChart(
  element: Ref<HTMLElement | null>,
  option: () => WallChartOption | null,
  settings: UseChartOptions = {},
) {
  const chart = shallowRef<ECharts | null>(null);
  let resizeObserver: ResizeObserver | null = null;
  let stopWatch: (() => void) | null = null;
  let redrawWithFonts: (() => void) | null = null;

  onMounted(() => {
    if (!element.value) return;
    const instance = createChart(element.value);
    chart.value = instance;
    resizeObserver = new ResizeObserver(() => instance.resize());
    resizeObserver.observe(element.value);
    stopWatch = watch(
      option,
      (next) => {
        if (next) instance.setOption(next, { replaceMerge: settings.replaceMerge ?? ['series'], lazyUpdate: true });
      },
      { immediate: true },
    );
    // Text measured before its font slice arrived is drawn with a fallback (or as boxes): redraw.
    redrawWithFonts = () => {
      const current = option();
      if (!current) return;
      instance.clear();
      instance.setOption(current);
    };
    document.fonts?.addEventListener('loadingdone', redrawWithFonts);
  });

  onBeforeUnmount(() => {
    stopWatch?.();
    if (redrawWithFonts) document.fonts?.removeEventListener('loadingdone', redrawWithFonts);
    resizeObserver?.disconnect();
    chart.value?.dispose();
    chart.value = null;
  });

  return chart;
}
