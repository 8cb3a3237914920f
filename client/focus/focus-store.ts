// The incident a director's focus view follows: its whole record and timeline from
// GET /api/v1/incidents/:id (the wall's token reads it), loaded at start and again whenever the
// incident's version moves on the stream, or every FOCUS_RELOAD_MS in case a change was missed.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import type { IncidentWithTimeline } from '@shared/incidents';

export const FOCUS_RELOAD_MS = 30_000;

export const useFocusStore = defineStore('focus', () => {
  /** the focused incident's id; null on a plain wall */
  const id = ref<string | null>(null);
  /** the last record and timeline loaded; kept while a reload fails */
  const incident = shallowRef<IncidentWithTimeline | null>(null);
  /** 'missing' when the server knows no such incident; another reason when it could not be asked */
  const problem = ref<string | null>(null);
  let token = '';
  let loading: Promise<void> | null = null;

  async function fetchIncident(): Promise<void> {
    try {
      const response = await fetch(`/api/v1/incidents/${encodeURIComponent(id.value ?? '')}`, {
        headers: { authorization: `Bearer ${token}` },
        cache: 'no-store',
      });
      if (response.status === 404) problem.value = 'missing';
      else if (!response.ok) problem.value = `HTTP ${response.status}`;
      else {
        incident.value = (await response.json()) as IncidentWithTimeline;
        problem.value = null;
      }
    } catch (error) {
      problem.value = (error as Error).message;
    }
  }

  /** Loads the incident; concurrent calls share one request. */
  function load(): Promise<void> {
    loading ??= fetchIncident().finally(() => (loading = null));
    return loading;
  }

  function start(focusId: string, displayToken: string): Promise<void> {
    id.value = focusId;
    token = displayToken;
    setInterval(() => void load(), FOCUS_RELOAD_MS);
    return load();
  }

  return { id, incident, problem, load, start };
});
