// The director's control calls and what came of the last one. The bar (ControlBar.vue) reads it; the
// wall itself keeps following the stream, which says the group's new mode to every tile at once.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { defaultWallId, type WallGroupState } from '@shared/wall-modes';
import { useViewStore } from '@client/stores/view-store';
import { useWallStore } from '@client/stores/wall-store';
import { controlWall, type WallAction, type WallActionBody } from './wall-control';

export const useWallControlStore = defineStore('wallControl', () => {
  const view = useViewStore();
  const wall = useWallStore();
  /** a call is on its way: the bar's buttons wait */
  const busy = ref(false);
  /** the last call's refusal (status 0: no answer), or null */
  const refusal = shallowRef<{ status: number; detail: string | null } | null>(null);
  /** a mistake caught before asking the server (no moment chosen, a period backwards), already in words */
  const problem = ref<string | null>(null);
  /** the group as the last accepted call answered it */
  const group = shallowRef<WallGroupState | null>(null);
  let token = '';

  /** The group this display is in: the URL's, else the one the server said, else the scope's own. */
  const wallId = computed(() => view.wall ?? wall.source.wall ?? defaultWallId(view.scope));

  function configure(displayToken: string): void {
    token = displayToken;
  }

  async function send<A extends WallAction>(action: A, body: WallActionBody[A]): Promise<boolean> {
    busy.value = true;
    problem.value = null;
    try {
      const outcome = await controlWall(
        { fetch: (url, init) => fetch(url, init), token, wallId: wallId.value },
        action,
        body,
      );
      if (outcome.ok) {
        group.value = outcome.group;
        refusal.value = null;
      } else refusal.value = { status: outcome.status, detail: outcome.detail };
      return outcome.ok;
    } finally {
      busy.value = false;
    }
  }

  function refuseLocally(text: string): void {
    refusal.value = null;
    problem.value = text;
  }

  return { busy, refusal, problem, group, wallId, configure, send, refuseLocally };
});
