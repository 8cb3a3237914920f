// The HTTP edges with a real server: security headers on every answer, JSON for unknown API paths
// and methods, malformed wall URLs, and missing files that name no path on the server's disk.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_DIST } from '../../server/http/static-routes';
import { startTestServer, type TestServer } from '../helpers/test-server';

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(async () => {
  await ts.stop();
});

const built = fs.existsSync(path.join(CLIENT_DIST, 'index.html'));

async function get(url: string, init: RequestInit = {}) {
  const response = await fetch(`${ts.baseUrl}${url}`, { redirect: 'manual', ...init });
  return {
    response,
    status: response.status,
    text: await response.text(),
    type: response.headers.get('content-type') ?? '',
  };
}

describe('security headers', () => {
  it.each([
    '/',
    '/healthz',
    '/metrics',
    '/api/v1/stats',
    '/api/v1/nothing',
    '/geo/missing.json',
    '/socket.io/?EIO=4&transport=polling',
  ])('are on %s', async (url) => {
    const { response } = await get(url);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/unsafe-eval|\*/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('unknown API paths and methods', () => {
  it('answers 404 JSON for a path no route serves', async () => {
    for (const [method, url] of [
      ['GET', '/api/v1/nothing'],
      ['POST', '/api/v2/cases'],
      ['GET', '/api/'],
      ['DELETE', '/api'],
    ]) {
      const { status, text, type } = await get(url, { method });
      expect(status, `${method} ${url}`).toBe(404);
      expect(type).toMatch(/^application\/json/);
      expect(JSON.parse(text)).toEqual({ error: expect.stringContaining('no API at') });
    }
  });

  it('answers 405 JSON with Allow for a method the path does not take', async () => {
    const stats = await get('/api/v1/stats', { method: 'POST' });
    expect(stats.status).toBe(405);
    expect(stats.response.headers.get('allow')).toBe('GET, HEAD');
    expect(JSON.parse(stats.text)).toEqual({ error: 'method POST not allowed on /api/v1/stats: use GET or HEAD' });
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH']) {
      const cases = await get('/api/v1/cases', { method });
      expect(cases.status, method).toBe(405);
      expect(cases.response.headers.get('allow')).toBe('POST');
      expect(cases.type).toMatch(/^application\/json/);
    }
    // a route with a :param
    const notice = await get('/api/v1/notices/some-id', { method: 'DELETE' });
    expect(notice.status).toBe(405);
    expect(notice.response.headers.get('allow')).toBe('PATCH');
    expect((await get('/api/v1/notices/a/b', { method: 'DELETE' })).status).toBe(404);
    // a trailing slash is the same path
    expect((await get('/api/v1/stats/', { method: 'PUT' })).status).toBe(405);
    // OPTIONS is Express's own answer: the Allow header of the path's routes
    const options = await get('/api/v1/cases', { method: 'OPTIONS' });
    expect(options.status).toBe(200);
    expect(options.response.headers.get('allow')).toBe('POST');
  });

  it('leaves the routes themselves alone', async () => {
    expect((await get('/api/v1/stats')).status).toBe(401);
    expect((await get('/api/v1/cases', { method: 'POST', body: '[]' })).status).toBe(401);
  });
});

describe('malformed and missing paths', () => {
  it.skipIf(!built).each(['/?%=&token=abc', '/?token=%zz&tile=%', '/%E0%A4%A', '/?scope=%E4%B8&layout=wide'])(
    'serves the wall for %s',
    async (url) => {
      const { status, text, type } = await get(url);
      expect(status).toBe(200);
      expect(type).toMatch(/^text\/html/);
      expect(text).toContain('<div id="app"');
    },
  );

  it('answers a missing asset or boundary file with a 404 that names no path on disk', async () => {
    for (const url of ['/geo/missing.json', '/assets/missing.js']) {
      const { status, text } = await get(url);
      expect(status, url).toBe(404);
      expect(text).toBe('not found');
    }
    const bad = await get('/geo/%ZZ.json');
    expect(bad.status).toBe(400);
    expect(bad.text).toBe('malformed path');
  });
});
