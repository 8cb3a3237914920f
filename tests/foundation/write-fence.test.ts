// Every write domain is fenced by the writer lease: two servers on one store (two createServer
// instances in one process sharing one embedded engine). The standby answers every write of notices,
// incidents and alerts with 503, Retry-After and the reason, and stores nothing; the detectors' path
// into the alerts is refused too. When it takes the lease it re-reads each log before its first
// write, so it continues the versions the old writer stored after it had loaded.
import { afterAll, describe, expect, it } from 'vitest';
import type { Incident } from '@shared/incidents';
import type { Notice } from '@shared/notices';
import { createClickHouse } from '../../server/clickhouse/client';
import { loadConfig } from '../../server/config';
import { createServer, type CommandWallServer } from '../../server/create-server';
import { NotWriterError } from '../../server/ingest/writer-lease-fence';
import { surgeSignal } from '../alerts/signal-fixtures';
import { tempDataDir } from '../helpers/test-server';
import { connectWall, mergedState } from '../live/wall-client';
import { HUBEI_FOOD } from '../incidents/incident-calls';

const TIMING = { leaseMs: 6000, renewMs: 1000, settleMs: 300 };
const clickhouse = createClickHouse({ dataDir: tempDataDir('cw-fence-store-') });
const running: CommandWallServer[] = [];

afterAll(async () => {
  for (const server of running) await server.stop();
  await clickhouse.close();
});

type Role = 'operator' | 'director' | 'wall';
interface Reply<T> {
  status: number;
  retryAfter: string | null;
  body: T;
}

async function startServer(writerId: string) {
  const config = {
    ...loadConfig({}),
    port: 0,
    logLevel: 'silent',
    dataDir: tempDataDir(),
    writerId,
    writerLease: TIMING,
  };
  const server = createServer({ config: { ...config, tickMs: 200 }, clickhouse });
  running.push(server);
  const { port, ready } = await server.start();
  await ready;
  const baseUrl = `http://127.0.0.1:${port}`;
  async function call<T = Record<string, unknown>>(method: string, path: string, role: Role, body?: unknown) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${server.tokens.firstOf(role)!.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as T,
    } satisfies Reply<T>;
  }
  const writer = async () => ((await (await fetch(`${baseUrl}/healthz`)).json()) as { writer: boolean }).writer;
  return { server, call, writer, baseUrl };
}

async function eventRows(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['notice_events', 'incident_events', 'alert_events']) {
    const [row] = await clickhouse.query<{ n: string }>('test', `SELECT count() AS n FROM ${table}`, {});
    counts[table] = Number(row.n);
  }
  return counts;
}

function expectRefused(reply: Reply<unknown>, what: string) {
  expect(reply.status, JSON.stringify(reply.body)).toBe(503);
  expect(Number(reply.retryAfter)).toBeGreaterThan(0);
  expect((reply.body as { error: string }).error).toMatch(
    new RegExp(`standby: wall-a holds the writer lease.*${what}`),
  );
}

describe('the writer lease fences every write domain', () => {
  it('refuses every write on a standby with 503 and the reason, then continues the logs once it holds the lease', async () => {
    const a = await startServer('wall-a');
    expect(await a.writer()).toBe(true);
    const nowMs = Date.now();
    const notice = (
      await a.call<Notice>('POST', '/api/v1/notices', 'operator', { scope: 'national', text: '值班通知' })
    ).body;
    const incident = (await a.call<Incident>('POST', '/api/v1/incidents', 'operator', HUBEI_FOOD)).body;
    const opened = await a.server.alerts.ingestSignals([surgeSignal(nowMs)], nowMs);
    const alert = a.server.alerts.repository.get(opened.opened[0])!;
    expect([notice.version, incident.version, alert.version]).toEqual([1, 1, 1]);

    const b = await startServer('wall-b');
    expect(await b.writer()).toBe(false);
    // the writer changes each after the standby has read its logs
    expect(
      (await a.call('PATCH', `/api/v1/notices/${notice.id}`, 'operator', { text: '值班通知（更新）' })).status,
    ).toBe(200);
    expect((await a.call('PATCH', `/api/v1/incidents/${incident.id}`, 'director', { status: 'verified' })).status).toBe(
      200,
    );
    expect((await a.call('POST', `/api/v1/alerts/${alert.id}/ack`, 'operator', {})).status).toBe(200);
    const before = await eventRows();

    // the standby follows the writer's logs: its walls and reads show the changes within seconds
    const wall = connectWall(b.baseUrl, { token: b.server.tokens.firstOf('wall')!.token });
    await wall.subscribe('420100');
    const followedMs = Date.now();
    const seen = wall.waitFor(
      () => mergedState(wall.payloads)?.panels.incidents.some((i) => i.id === incident.id && i.version === 2) ?? false,
      'the verified incident on the standby wall',
    );
    const late = new Promise((_, reject) => setTimeout(() => reject(new Error('not followed within 5 s')), 5_000));
    await Promise.race([seen, late]);
    expect(Date.now() - followedMs).toBeLessThan(5_000);
    wall.close();
    const notices = (await b.call<{ notices: Notice[] }>('GET', '/api/v1/notices?status=all', 'wall')).body.notices;
    expect(notices.find((n) => n.id === notice.id)?.version).toBe(2);
    expect(b.server.alerts.repository.get(alert.id)).toMatchObject({ status: 'acknowledged', version: 2 });

    expectRefused(await b.call('POST', '/api/v1/notices', 'operator', { scope: 'national', text: '备用机' }), 'notice');
    expectRefused(await b.call('PATCH', `/api/v1/notices/${notice.id}`, 'operator', { withdrawn: true }), 'notice');
    expectRefused(await b.call('POST', '/api/v1/incidents', 'operator', HUBEI_FOOD), 'incident');
    expectRefused(await b.call('PATCH', `/api/v1/incidents/${incident.id}`, 'director', { note: 'x' }), 'incident');
    expectRefused(await b.call('POST', `/api/v1/alerts/${alert.id}/dismiss`, 'operator', {}), 'alert');
    expectRefused(await b.call('POST', `/api/v1/alerts/${alert.id}/escalate`, 'director', {}), 'alert');
    await expect(b.server.alerts.ingestSignals([surgeSignal(nowMs, { observed: 30 })], nowMs)).rejects.toThrow(
      NotWriterError,
    );
    await expect(
      b.server.incidents.createFromAlert({ alert: { id: 'x', title: '备用机', regionCodes: ['420102'] }, actor: 'x' }),
    ).rejects.toThrow(/standby: wall-a holds the writer lease; the incident was not stored/);
    // reads still answer on a standby
    expect((await b.call('GET', '/api/v1/incidents', 'wall')).status).toBe(200);
    expect(await eventRows()).toEqual(before);

    // the writer stops and releases; the standby takes over and continues each log where it stands
    await a.server.stop();
    await expect(a.server.notices.post({ scope: 'national', text: '已停止' }, 'x', Date.now())).rejects.toThrow(
      /does not hold the writer lease/,
    );
    const startedMs = Date.now();
    while (!(await b.writer())) {
      expect(Date.now() - startedMs).toBeLessThan(30_000);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const revisedNotice = await b.call<Notice>('PATCH', `/api/v1/notices/${notice.id}`, 'operator', {
      withdrawn: true,
      expectedVersion: 2,
    });
    expect(revisedNotice.body).toMatchObject({ version: 3, withdrawn: true, text: '值班通知（更新）' });
    const responding = await b.call<Incident>('PATCH', `/api/v1/incidents/${incident.id}`, 'director', {
      status: 'responding',
      expectedVersion: 2,
    });
    expect(responding.status, JSON.stringify(responding.body)).toBe(200);
    expect(responding.body).toMatchObject({ version: 3, status: 'responding' });
    const escalated = await b.call<Incident>('POST', `/api/v1/alerts/${alert.id}/escalate`, 'director', {});
    expect(escalated.status, JSON.stringify(escalated.body)).toBe(201);
    expect(b.server.alerts.repository.get(alert.id)).toMatchObject({ status: 'escalated', version: 3 });
  }, 90_000);
});
