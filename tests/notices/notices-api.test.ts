// Wall notices through the HTTP API of a real server on the embedded engine: post, revise, list,
// who may do what, bad input refused with nothing stored, stale edits refused, the change stream,
// and a restart that reproduces every notice from the event log.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Notice, NoticeListReply } from '@shared/notices';
import type { NoticeEvent } from '../../server/notices/events';
import { callApi, startTestServer, type TestServer } from '../helpers/test-server';

type Role = Parameters<TestServer['token']>[0];

const MINUTE_MS = 60_000;
// the server's injected clock: half an hour behind the real one, moved by the tests
let nowMs = Math.floor(Date.now() / 1000) * 1000 - 30 * MINUTE_MS;
const clock = { now: () => nowMs };

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer({}, clock);
});
afterAll(async () => {
  await ts.stop();
});

const call = (method: string, path: string, role: Role | undefined, body?: unknown) =>
  callApi(ts, method, path, role, body);

async function list(query = 'status=all'): Promise<Notice[]> {
  const reply = await call('GET', `/api/v1/notices?${query}`, 'wall');
  expect(reply.status).toBe(200);
  return (reply.body as unknown as NoticeListReply).notices;
}

const nameOf = (role: Role) => ts.server.tokens.firstOf(role)!.name;

describe('wall notices API', () => {
  it('posts a notice as its caller, at the server clock, and lists it for its scope', async () => {
    const expiresAt = new Date(nowMs + 10 * MINUTE_MS).toISOString().replace('Z', '+00:00');
    const posted = await call('POST', '/api/v1/notices', 'operator', {
      scope: '420000',
      text: '  湖北：今晚 20:00 起系统升级，注意来电分流  ',
      expiresAt,
    });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({
      scope: '420000',
      text: '湖北：今晚 20:00 起系统升级，注意来电分流',
      expiresAt: new Date(nowMs + 10 * MINUTE_MS).toISOString(),
      withdrawn: false,
      version: 1,
      postedAt: new Date(nowMs).toISOString(),
      postedBy: nameOf('operator'),
      updatedBy: nameOf('operator'),
    });
    await call('POST', '/api/v1/notices', 'director', { scope: 'national', text: '3·15 晚会期间全国值班加强' });
    expect((await list('scope=420000')).map((n) => n.id)).toEqual([posted.body.id]);
    expect((await list('scope=national')).map((n) => n.text)).toEqual(['3·15 晚会期间全国值班加强']);
    expect(await list('')).toHaveLength(2);
    // the expiry passes on the server's clock: the notice leaves the active list, stays in the history
    nowMs += 11 * MINUTE_MS;
    expect(await list('scope=420000')).toEqual([]);
    expect((await list('scope=420000&status=all'))[0].id).toBe(posted.body.id);
  });

  it('lets operator, director and admin write, wall and above read, and no one else', async () => {
    const notice = { scope: 'national', text: '角色检查' };
    for (const role of ['wall', 'ingest'] as const) {
      expect((await call('POST', '/api/v1/notices', role, notice)).status).toBe(403);
      expect((await call('PATCH', '/api/v1/notices/any', role, { withdrawn: true })).status).toBe(403);
    }
    expect((await call('POST', '/api/v1/notices', undefined, notice)).status).toBe(401);
    expect((await call('GET', '/api/v1/notices', 'ingest')).status).toBe(403);
    expect((await call('GET', '/api/v1/notices', undefined)).status).toBe(401);
    const posted = await call('POST', '/api/v1/notices', 'admin', notice);
    expect(posted.status).toBe(201);
    expect(posted.body.postedBy).toBe(nameOf('admin'));
    for (const role of ['operator', 'director', 'admin'] as const)
      expect((await call('GET', '/api/v1/notices', role)).status).toBe(200);
  });

  it('refuses bad input with 422 "field: reason" and stores nothing', async () => {
    const before = await list();
    const bad: Array<[unknown, string]> = [
      [{ scope: 'national', text: '字'.repeat(201) }, 'text: must be at most 200 characters'],
      [{ scope: 'national', text: '   ' }, 'text: must not be empty'],
      [{ scope: 'national', text: '第一行\n第二行' }, 'text: must not contain control characters or line breaks'],
      [{ scope: 'national', text: 'bidi \u202E override' }, 'text: must not contain control characters or line breaks'],
      [{ scope: '999999', text: '未知地区' }, 'scope: must be "national" or a shipped adcode'],
      [{ scope: 'national', text: '多余字段', author: 'someone else' }, 'author: unknown field'],
      [
        { scope: 'national', text: '已过期', expiresAt: new Date(nowMs - MINUTE_MS).toISOString() },
        'expiresAt: must be in the future',
      ],
      [
        { scope: 'national', text: '无时区', expiresAt: '2026-03-15T18:00:00' },
        'expiresAt: must be ISO 8601 with an offset',
      ],
      ['{"scope": "national", "text": ', '(body): is not valid JSON'],
      [['national', 'text'], '(body): must be a JSON object'],
    ];
    for (const [body, error] of bad) {
      const reply = await call('POST', '/api/v1/notices', 'operator', body);
      expect(reply.status, JSON.stringify(body)).toBe(422);
      expect((reply.body.errors as string[]).join(' | ')).toContain(error);
    }
    // 200 characters are 200 code points: rare hanzi outside the BMP count once
    const longest = await call('POST', '/api/v1/notices', 'operator', { scope: 'national', text: '𠀀'.repeat(200) });
    expect(longest.status).toBe(201);
    const id = longest.body.id as string;
    for (const [patch, error] of [
      [{}, '(notice): must change text, expiresAt or withdrawn'],
      [{ text: 'x'.repeat(201) }, 'text: must be at most 200 characters'],
      [{ withdrawn: 'yes' }, 'withdrawn:'],
      [{ expectedVersion: 0, withdrawn: true }, 'expectedVersion:'],
    ] as const) {
      const reply = await call('PATCH', `/api/v1/notices/${id}`, 'operator', patch);
      expect(reply.status, JSON.stringify(patch)).toBe(422);
      expect((reply.body.errors as string[]).join(' | ')).toContain(error);
    }
    const after = await list();
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((n) => n.id === id)?.version).toBe(1);
  });

  it('revises with versions: edits, withdrawal, 404 for an unknown id, 409 for a stale version', async () => {
    const posted = (
      await call('POST', '/api/v1/notices', 'operator', { scope: '420100', text: '武汉：暴雨预警，外勤注意安全' })
    ).body;
    const url = `/api/v1/notices/${posted.id}`;
    nowMs += MINUTE_MS;
    const edited = await call('PATCH', url, 'director', { text: '武汉：暴雨红色预警，外勤暂停', expectedVersion: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      version: 2,
      text: '武汉：暴雨红色预警，外勤暂停',
      postedBy: nameOf('operator'),
      updatedBy: nameOf('director'),
      updatedAt: new Date(nowMs).toISOString(),
    });
    const stale = await call('PATCH', url, 'operator', { text: '旧稿覆盖', expectedVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.notice).toMatchObject({ version: 2, text: '武汉：暴雨红色预警，外勤暂停' });
    const again = await call('PATCH', url, 'operator', { text: '武汉：暴雨红色预警，外勤暂停' });
    expect(again.body.version).toBe(2); // the same text again is no new version
    expect((await call('PATCH', url, 'operator', { withdrawn: true, expectedVersion: 2 })).body).toMatchObject({
      version: 3,
      withdrawn: true,
    });
    expect((await list('scope=420100')).map((n) => n.id)).not.toContain(posted.id);
    expect((await call('PATCH', '/api/v1/notices/no-such-notice', 'operator', { withdrawn: true })).status).toBe(404);
  });

  it('publishes each stored change to the stream subscribers, typed', async () => {
    const heard: NoticeEvent[] = [];
    const unsubscribe = ts.server.notices.changes.subscribe((event) => heard.push(event));
    const posted = (
      await call('POST', '/api/v1/notices', 'director', { scope: 'national', text: '全国：系统演练 15 分钟' })
    ).body;
    const revised = await call('PATCH', `/api/v1/notices/${posted.id}`, 'director', {
      expiresAt: new Date(nowMs + 15 * MINUTE_MS).toISOString(),
    });
    await call('PATCH', `/api/v1/notices/${posted.id}`, 'wall', { withdrawn: true }); // refused: not a change
    unsubscribe();
    await call('PATCH', `/api/v1/notices/${posted.id}`, 'director', { withdrawn: true }); // after unsubscribing
    expect(heard.map((e) => [e.type, e.notice.version, e.changed, e.actor])).toEqual([
      ['posted', 1, ['scope', 'text', 'expiresAt', 'withdrawn'], nameOf('director')],
      ['revised', 2, ['expiresAt'], nameOf('director')],
    ]);
    // the event carries the whole notice as the API returned it: a panel needs no look-up
    expect(heard[0].notice).toEqual(posted);
    expect(heard[1].notice).toEqual(revised.body);
    expect(heard[1].at).toBe(revised.body.updatedAt);
  });

  it('a restart on the same data reproduces every notice from the event log, and versions go on', async () => {
    const before = await list();
    expect(before.length).toBeGreaterThanOrEqual(6);
    await ts.stop();
    ts = await startTestServer({ dataDir: ts.dataDir }, clock);
    expect(await list()).toEqual(before);
    const withdrawn = before.find((n) => n.withdrawn)!;
    const restored = await call('PATCH', `/api/v1/notices/${withdrawn.id}`, 'operator', { withdrawn: false });
    expect(restored.body).toMatchObject({ version: withdrawn.version + 1, withdrawn: false });
  });
});
