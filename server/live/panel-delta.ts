// What a tick sends instead of the whole state: the panels whose content changed since the previous
// seq, and the volume series' changed tail. A wall's bandwidth then follows what moves (the latest
// cases, a few counters, the last minute of the series), not the size of the state.
import type { PanelName, VolumeSeries, WallPanels, WallUpdate } from '@shared/wall-events';

type DeltaPanels = WallUpdate['panels'];
type DeltaName = keyof DeltaPanels;

/** Each panel's JSON as last sent, so the previous state is not serialised again on every tick. */
export type PanelJson = Map<PanelName, string>;

export function panelJson(panels: WallPanels): PanelJson {
  const json: PanelJson = new Map();
  for (const name of Object.keys(panels) as PanelName[])
    if (name !== 'volume') json.set(name, JSON.stringify(panels[name]));
  return json;
}

/** The panels of `next` whose JSON differs from `previous`, and `next`'s JSON for the following tick. */
export function changedPanels(previous: PanelJson, next: WallPanels): { panels: DeltaPanels; json: PanelJson } {
  const json = panelJson(next);
  const panels: Record<string, unknown> = {};
  for (const [name, text] of json) if (previous.get(name) !== text) panels[name] = next[name as DeltaName];
  return { panels: panels as DeltaPanels, json };
}

/**
 * The minutes of `next` from the first one that differs from `previous` (matched by time, so a window
 * that moved on by a minute compares minute for minute) to the end; undefined when nothing changed.
 * A series of another step, or one that moved backwards, is sent whole.
 */
export function volumeTail(previous: VolumeSeries, next: VolumeSeries): VolumeSeries | undefined {
  const shiftMs = Date.parse(next.start) - Date.parse(previous.start);
  if (next.stepMs !== previous.stepMs || shiftMs < 0 || shiftMs % next.stepMs !== 0) return next;
  const shift = shiftMs / next.stepMs;
  let from = next.current.length;
  for (let i = 0; i < next.current.length; i += 1) {
    const j = i + shift;
    if (
      j >= previous.current.length ||
      previous.current[j] !== next.current[i] ||
      previous.baseline[j] !== next.baseline[i]
    ) {
      from = i;
      break;
    }
  }
  if (from === next.current.length) return undefined;
  return {
    start: new Date(Date.parse(next.start) + from * next.stepMs).toISOString(),
    stepMs: next.stepMs,
    current: next.current.slice(from),
    baseline: next.baseline.slice(from),
  };
}
