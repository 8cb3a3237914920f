// Announcing a new high-severity alert: a banner across the wall, and a tone where the wall's URL asks
// for one (?chime=1). "New" means not seen as high on this wall before: alerts already there when the
// wall starts (or reloads) are listed, not announced, so a kiosk that restarts at night stays quiet.
// Only a live wall announces: a frozen or replayed past is discussed, not alarmed about, and the
// alerts of the past it showed are not "new" when it goes back to live.
import { onBeforeUnmount, ref, watch } from 'vue';
import type { AlertSummary } from '@shared/wall-events';
import { useViewStore } from '@client/stores/view-store';
import { useWallStore } from '@client/stores/wall-store';
import { playChime } from './chime';

/** How long the banner stays: long enough to be read by someone who looks up. */
export const BANNER_MS = 30_000;

/** High-severity alerts in `alerts` whose ids are not in `known`. */
export function newHighAlerts(known: ReadonlySet<string>, alerts: readonly AlertSummary[]): AlertSummary[] {
  return alerts.filter((a) => a.severity === 'high' && !known.has(a.id));
}

export function useAlertAnnouncer() {
  const wall = useWallStore();
  const view = useViewStore();
  /** the alert on the banner, or null */
  const banner = ref<AlertSummary | null>(null);
  let known: Set<string> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = watch(
    () => wall.panels?.alerts,
    (alerts) => {
      if (!alerts) return;
      if (wall.source.mode !== 'live') {
        known = null;
        return;
      }
      const fresh = known ? newHighAlerts(known, alerts) : [];
      known ??= new Set();
      for (const alert of alerts) if (alert.severity === 'high') known.add(alert.id);
      if (fresh.length === 0) return;
      banner.value = fresh[0];
      if (view.chime) playChime();
      clearTimeout(timer);
      timer = setTimeout(() => (banner.value = null), BANNER_MS);
    },
    { immediate: true },
  );
  // a new scope (a drill-down) has its own alerts: they are listed, not announced
  const stopScope = watch(
    () => view.scope,
    () => (known = null),
  );
  // the wall left live (frozen, replay): a banner about the present would mislead
  const stopMode = watch(
    () => wall.source.mode,
    (mode) => {
      if (mode === 'live') return;
      banner.value = null;
      clearTimeout(timer);
    },
  );
  onBeforeUnmount(() => {
    stop();
    stopScope();
    stopMode();
    clearTimeout(timer);
  });
  return { banner };
}
