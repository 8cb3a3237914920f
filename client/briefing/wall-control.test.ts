import { describe, expect, it } from 'vitest';
import { messagesFor } from '@client/i18n';
import { controlWall, refusalText } from './wall-control';

/** What a call sent, and the answer it gets: the API's real shapes (docs/api.md), no server. */
function answering(status: number, body: unknown) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetch = (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve({ ok: status < 300, status, json: () => Promise.resolve(body) });
  };
  return { calls, fetch };
}

describe('wall control calls', () => {
  it('posts the action to the group with the display token and returns the group state', async () => {
    const group = { id: 'room 1', mode: 'frozen', scope: 'national', frozenAt: '2026-03-15T00:00:00.000Z' };
    const server = answering(200, group);
    const outcome = await controlWall({ fetch: server.fetch, token: 'tk', wallId: 'room 1' }, 'freeze', {
      at: group.frozenAt,
    });
    expect(outcome).toEqual({ ok: true, group });
    expect(server.calls[0].url).toBe('/api/v1/walls/room%201/freeze');
    expect(server.calls[0].init.method).toBe('POST');
    expect(server.calls[0].init.headers).toMatchObject({ authorization: 'Bearer tk' });
    expect(JSON.parse(String(server.calls[0].init.body))).toEqual({ at: group.frozenAt });
  });

  it('keeps the status and the server words of a refusal, and says it in the wall language', async () => {
    const forbidden = await controlWall(
      { ...answering(403, { error: 'forbidden' }), token: 't', wallId: 'w' },
      'live',
      {},
    );
    expect(forbidden).toEqual({ ok: false, status: 403, detail: 'forbidden' });
    expect(refusalText({ status: 403 }, messagesFor('zh'))).toMatch(/主任或管理员/);
    expect(refusalText({ status: 403 }, messagesFor('en'))).toMatch(/director or admin/);
    const bad = await controlWall(
      { ...answering(400, { errors: ['speed: 10 is below 60'] }), token: 't', wallId: 'w' },
      'replay',
      {
        from: 'a',
        to: 'b',
        speed: 10,
      },
    );
    expect(bad).toEqual({ ok: false, status: 400, detail: 'speed: 10 is below 60' });
    expect(refusalText(bad as { status: number }, messagesFor('zh'))).toMatch(/60–3600/);
    expect(refusalText({ status: 409 }, messagesFor('en'))).toBe('This wall group is not replaying');
    expect(refusalText({ status: 503 }, messagesFor('zh'))).toMatch(/稍后/);
  });

  it('says "cannot be reached" when the request does not get through', async () => {
    const down = await controlWall(
      { fetch: () => Promise.reject(new TypeError('Failed to fetch')), token: 't', wallId: 'w' },
      'pause',
      {},
    );
    expect(down).toEqual({ ok: false, status: 0, detail: null });
    expect(refusalText({ status: 0 }, messagesFor('en'))).toBe('The server cannot be reached');
  });
});
