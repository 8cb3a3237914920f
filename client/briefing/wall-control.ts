// The REST calls that drive a wall group (POST /api/v1/walls/:id/<action>, docs/api.md), made with
// the display's own token: the server decides who may (roles director and admin), and a refusal comes
// back as a reason the control bar says in the wall's language.
import type { WallGroupState } from '@shared/wall-modes';
import type { Messages } from '@client/i18n';

export type WallAction = 'freeze' | 'replay' | 'pause' | 'play' | 'seek' | 'live';

/** The body each action takes (shared contract: issue 12). */
export interface WallActionBody {
  freeze: { at?: string };
  replay: { scope?: string; from: string; to: string; speed: number };
  pause: Record<string, never>;
  play: Record<string, never>;
  seek: { at: string };
  live: Record<string, never>;
}

export type ControlOutcome =
  | { ok: true; group: WallGroupState }
  | { ok: false; status: number; /** the server's own words, when it gave any */ detail: string | null };

type Fetch = (url: string, init: RequestInit) => Promise<Pick<Response, 'ok' | 'status' | 'json'>>;

export async function controlWall<A extends WallAction>(
  request: { fetch: Fetch; token: string; wallId: string },
  action: A,
  body: WallActionBody[A],
): Promise<ControlOutcome> {
  let response: Awaited<ReturnType<Fetch>>;
  try {
    response = await request.fetch(`/api/v1/walls/${encodeURIComponent(request.wallId)}/${action}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${request.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
      cache: 'no-store',
    });
  } catch {
    return { ok: false, status: 0, detail: null };
  }
  const json: unknown = await response.json().catch(() => null);
  if (response.ok) return { ok: true, group: json as WallGroupState };
  return { ok: false, status: response.status, detail: detailOf(json) };
}

/** `{"error": "..."}` or `{"errors": ["field: reason", ...]}`, as the API answers a refusal. */
function detailOf(json: unknown): string | null {
  const body = json as { error?: unknown; errors?: unknown } | null;
  if (typeof body?.error === 'string') return body.error;
  if (Array.isArray(body?.errors)) return body.errors.filter((e) => typeof e === 'string').join('; ') || null;
  return null;
}

/** A refusal in the wall's language; the server's detail (English) is shown beside it, smaller. */
export function refusalText(outcome: { status: number }, m: Messages): string {
  const r = m.briefing.refusal;
  if (outcome.status === 0) return r.network;
  if (outcome.status === 401) return r.unauthorised;
  if (outcome.status === 403) return r.forbidden;
  if (outcome.status === 400 || outcome.status === 422) return r.badRequest;
  if (outcome.status === 404) return r.notFound;
  if (outcome.status === 409) return r.notReplaying;
  if (outcome.status === 503) return r.unavailable;
  return r.failed(outcome.status);
}
