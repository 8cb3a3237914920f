// What a tick sends instead of the whole state: the parts whose content changed since the previous
// seq, list parts as deltas (items added, gone, changed: shared/wall-events.ts ListDelta), and the
// volume series' changed tail. A wall's bandwidth then follows what moves (a few new cases, a few
// counters, the last minute of the series), not the size of the state.
import { isListPart, listSpec, type ListPartName, type ListSpec } from '@shared/panels';
import type {
  ListDelta,
  ListDeltas,
  PartName,
  VolumeEdits,
  VolumeSeries,
  WallParts,
  WallUpdate,
} from '@shared/wall-events';

type ChangedParts = WallUpdate['panels'];

/** A list part as last sent: its keys in order and each item's JSON. */
interface SentList {
  keys: string[];
  items: Map<string, string>;
}

/** Each part's JSON as last sent, so the previous state is not serialised again on every tick. */
export type SentParts = Map<PartName, { json: string; list?: SentList }>;

export function sentParts(parts: WallParts): SentParts {
  const sent: SentParts = new Map();
  for (const name of Object.keys(parts) as PartName[]) {
    if (name === 'volume') continue; // travels as a tail (volumeTail)
    if (!isListPart(name)) {
      sent.set(name, { json: JSON.stringify(parts[name]) });
      continue;
    }
    const { key } = listSpec(name) as ListSpec<unknown>;
    const list: SentList = { keys: [], items: new Map() };
    const texts: string[] = [];
    for (const item of parts[name] as readonly unknown[]) {
      const text = JSON.stringify(item);
      texts.push(text);
      list.keys.push(key(item));
      list.items.set(list.keys.at(-1)!, text);
    }
    sent.set(name, { json: `[${texts.join(',')}]`, list });
  }
  return sent;
}

/**
 * The parts of `next` that differ from what was sent: whole, or as a list delta when that is
 * shorter; and `next` as sent, for the following tick.
 */
export function changedParts(
  previous: SentParts,
  next: WallParts,
): { panels: ChangedParts; listDeltas: ListDeltas; sent: SentParts } {
  const sent = sentParts(next);
  const panels: Record<string, unknown> = {};
  const listDeltas: Record<string, ListDelta<unknown>> = {};
  for (const [name, now] of sent) {
    const before = previous.get(name);
    if (before?.json === now.json) continue;
    const whole = next[name];
    if (before?.list && now.list) {
      const delta = listDelta(before.list, whole as readonly unknown[], now.list);
      if (delta && JSON.stringify(delta).length < now.json.length) {
        listDeltas[name as ListPartName] = delta;
        continue;
      }
    }
    panels[name] = whole;
  }
  return { panels: panels as ChangedParts, listDeltas: listDeltas as ListDeltas, sent };
}

type UpdateBody = Pick<WallUpdate, 'panelAsOf' | 'panels' | 'listDeltas' | 'volumeTail' | 'volumeEdits'>;

/**
 * What a wall:update carries from the previous payload (its parts as sent, its volume series) to
 * `next`, and `next` as sent. The update names in panelAsOf only the parts that lag its asOf: the
 * wall takes every other part as current to it (shared/wall-events.ts partAsOf).
 */
export function updateBody(
  previous: { sent: SentParts; volume: VolumeSeries },
  next: WallParts,
  { asOf, panelAsOf }: Pick<WallUpdate, 'asOf' | 'panelAsOf'>,
): { body: UpdateBody; sent: SentParts } {
  const { panels, listDeltas, sent } = changedParts(previous.sent, next);
  const lagging = Object.entries(panelAsOf).filter(([, at]) => at !== asOf);
  const body: UpdateBody = { panelAsOf: Object.fromEntries(lagging), panels };
  if (Object.keys(listDeltas).length > 0) body.listDeltas = listDeltas;
  const { tail, edits } = volumeDelta(previous.volume, next.volume);
  if (edits) body.volumeEdits = edits;
  if (tail) body.volumeTail = tail;
  return { body, sent };
}

/**
 * How `next` differs from `previous`, item by item. The items kept in place are the longest run
 * that kept its relative order; any other item that stayed is sent as moved (removed and added).
 * Undefined when keys repeat in either list: such a list cannot be matched by key, it goes whole.
 */
export function listDelta<T>(previous: SentList, next: readonly T[], nextSent: SentList): ListDelta<T> | undefined {
  if (previous.items.size !== previous.keys.length || nextSent.items.size !== nextSent.keys.length) return undefined;
  const wasAt = new Map(previous.keys.map((key, i) => [key, i]));
  const stayed = nextSent.keys.flatMap((key, at) => (wasAt.has(key) ? [{ at, was: wasAt.get(key)! }] : []));
  const inPlace = new Set(longestIncreasing(stayed.map((s) => s.was)).map((i) => stayed[i].at));
  const delta: Required<ListDelta<T>> = {
    removed: previous.keys.filter((key) => !nextSent.items.has(key)),
    added: [],
    changed: [],
  };
  next.forEach((item, at) => {
    const key = nextSent.keys[at];
    if (inPlace.has(at)) {
      if (previous.items.get(key) !== nextSent.items.get(key)) delta.changed.push(item);
      return;
    }
    if (wasAt.has(key)) delta.removed.push(key);
    delta.added.push({ at, item });
  });
  const out: ListDelta<T> = {};
  if (delta.removed.length) out.removed = delta.removed;
  if (delta.added.length) out.added = delta.added;
  if (delta.changed.length) out.changed = delta.changed;
  return out;
}

/** Indexes into `values` of one longest strictly increasing subsequence (patience sorting, n log n). */
function longestIncreasing(values: readonly number[]): number[] {
  const tails: number[] = []; // tails[k]: index of the smallest last value of a run of length k + 1
  const before = new Array<number>(values.length).fill(-1);
  values.forEach((value, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]] < value) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) before[i] = tails[lo - 1];
    tails[lo] = i;
  });
  const run: number[] = [];
  for (let i = tails.at(-1) ?? -1; i >= 0; i = before[i]) run.push(i);
  return run.reverse();
}

/** A changed minute this many minutes or more before the next change travels as an edit, not in the tail. */
export const TAIL_GAP_MINUTES = 5;

/**
 * The indexes of `next` whose minute differs from `previous`, matched by time (a window that moved on
 * by a minute compares minute for minute); undefined when the two cannot be aligned (another step,
 * or a window that moved backwards).
 */
function changedMinutes(previous: VolumeSeries, next: VolumeSeries): number[] | undefined {
  const shiftMs = Date.parse(next.start) - Date.parse(previous.start);
  if (next.stepMs !== previous.stepMs || shiftMs < 0 || shiftMs % next.stepMs !== 0) return undefined;
  const shift = shiftMs / next.stepMs;
  const changed: number[] = [];
  for (let i = 0; i < next.current.length; i += 1) {
    const j = i + shift;
    if (
      j >= previous.current.length ||
      previous.current[j] !== next.current[i] ||
      previous.baseline[j] !== next.baseline[i]
    )
      changed.push(i);
  }
  return changed;
}

function tailFrom(next: VolumeSeries, from: number): VolumeSeries {
  return {
    start: new Date(Date.parse(next.start) + from * next.stepMs).toISOString(),
    stepMs: next.stepMs,
    current: next.current.slice(from),
    baseline: next.baseline.slice(from),
  };
}

/** The minutes of `next` from the first one that differs from `previous`; undefined when nothing changed. */
export function volumeTail(previous: VolumeSeries, next: VolumeSeries): VolumeSeries | undefined {
  const changed = changedMinutes(previous, next);
  if (!changed) return next;
  return changed.length ? tailFrom(next, changed[0]) : undefined;
}

/**
 * What the wall needs to bring its series from `previous` to `next`: the tail from the last cluster
 * of changes to the end (which also moves the window on), and the minutes changed before it, one by
 * one. A case received hours late changes one old minute: without edits the tail would carry every
 * minute since. A series that cannot be aligned goes whole, as the tail.
 */
export function volumeDelta(previous: VolumeSeries, next: VolumeSeries): { tail?: VolumeSeries; edits?: VolumeEdits } {
  const changed = changedMinutes(previous, next);
  if (!changed) return { tail: next };
  if (changed.length === 0) return {};
  let from = changed.length - 1;
  while (from > 0 && changed[from] - changed[from - 1] < TAIL_GAP_MINUTES) from -= 1;
  const tail = tailFrom(next, changed[from]);
  if (from === 0) return { tail };
  const minutes = changed.slice(0, from).map((i): [number, number, number] => [i, next.current[i], next.baseline[i]]);
  return { tail, edits: { start: next.start, stepMs: next.stepMs, minutes } };
}
