// What the wall is looking at: scope, measure, layout. Set from the URL at start; the scope and the
// measure change by clicks in director mode.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { getRegion, type Scope } from '@shared/regions';
import type { LayoutName, WallParams, WallTile } from '@client/env/wall-params';
import type { Measure } from './measures';

export const useViewStore = defineStore('view', () => {
  /** the subscribed scope: 'national' or an adcode */
  const scope = ref<Scope>('national');
  /** what the map colours and the region ranking sorts by */
  const measure = ref<Measure>('today');
  /** clicks drill down (director mode); a plain wall ignores pointer input */
  const director = ref(false);
  const layout = ref<LayoutName>('standard');
  /** this display's slice of a multi-screen wall, or null for the whole canvas */
  const tile = ref<WallTile | null>(null);
  /** the incident a director's focus view follows (?focus=); null on a plain wall */
  const focus = ref<string | null>(null);
  /** a new high-severity alert sounds a tone as well as its banner (?chime=1) */
  const chime = ref(false);
  /** the wall group named by ?wall=, or null for the scope's own group (the server picks it) */
  const wall = ref<string | null>(null);

  function configure(params: WallParams): void {
    scope.value = params.scope;
    measure.value = params.measure;
    director.value = params.director;
    layout.value = params.layout;
    tile.value = params.tile;
    focus.value = params.focus;
    chime.value = params.chime;
    wall.value = params.wall;
  }

  /** Drill into a child region; ignored outside director mode and below county level. */
  function drillTo(code: Scope): void {
    if (!director.value || code === scope.value) return;
    if (code !== 'national' && !getRegion(code)) return;
    scope.value = code;
  }

  /** One level up: county → city → province → national. */
  function drillUp(): void {
    if (scope.value === 'national') return;
    drillTo(getRegion(scope.value)?.parent ?? 'national');
  }

  /**
   * The control bar is for a director in the room: director mode on a single display. A multi-screen
   * wall (?tile=) is unattended and never shows it.
   */
  const controls = computed(() => director.value && tile.value === null);

  return { scope, measure, director, layout, tile, focus, chime, wall, controls, configure, drillTo, drillUp };
});
