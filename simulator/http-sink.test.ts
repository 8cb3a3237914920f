// The sink against a real local HTTP server standing in for the ingest endpoint.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { HttpSink } from './http-sink';
import type { CaseInput } from '@shared/case-schema';

type Reply = { status: number; body: unknown };

async function fakeIngest(replies: Reply[]) {
  const seen: Array<{ auth?: string; cases: unknown[] }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      seen.push({ auth: req.headers.authorization, cases: JSON.parse(body) as unknown[] });
      const reply = replies.shift() ?? { status: 200, body: { accepted: 1, rejected: [] } };
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { seen, server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function capturingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
  return { logger, lines };
}

const batch = [{ id: 'c1' }] as unknown as CaseInput[];
let close: (() => void) | undefined;
afterEach(() => close?.());

describe('http sink', () => {
  it('posts with the ingest token and retries a 503 with backoff', async () => {
    const ingest = await fakeIngest([{ status: 503, body: { error: 'spool unavailable' } }]);
    close = () => ingest.server.close();
    const { logger, lines } = capturingLogger();
    const sink = new HttpSink({ baseUrl: ingest.baseUrl, token: 'tok', logger, name: 'test', backoffMs: 10 });
    await sink.submit(batch);
    await sink.drain();
    expect(ingest.seen.length).toBe(2);
    expect(ingest.seen[0].auth).toBe('Bearer tok');
    expect(sink.stats).toMatchObject({ accepted: 1, retries: 1, failed: 0 });
    expect(lines.some((l) => l.level === 40 && l.msg.includes('retrying'))).toBe(true);
  });

  it('does not retry a 4xx and reports it as a simulator bug', async () => {
    const ingest = await fakeIngest([{ status: 400, body: { error: 'bad json at line 1' } }]);
    close = () => ingest.server.close();
    const { logger, lines } = capturingLogger();
    const sink = new HttpSink({ baseUrl: ingest.baseUrl, token: 'tok', logger, name: 'test', backoffMs: 10 });
    await sink.submit(batch);
    await sink.drain();
    expect(ingest.seen.length).toBe(1);
    expect(sink.stats.failed).toBe(1);
    expect(lines.some((l) => l.level === 50 && l.msg.includes('SIMULATOR BUG'))).toBe(true);
  });

  it('reports rejected cases loudly', async () => {
    const rejected = { accepted: 0, rejected: [{ index: 0, id: 'c1', errors: ['kind: invalid'] }] };
    const ingest = await fakeIngest([{ status: 422, body: rejected }]);
    close = () => ingest.server.close();
    const { logger, lines } = capturingLogger();
    const sink = new HttpSink({ baseUrl: ingest.baseUrl, token: 'tok', logger, name: 'test' });
    await sink.submit(batch);
    await sink.drain();
    expect(sink.stats.rejected).toBe(1);
    expect(lines.some((l) => l.level === 50 && l.msg.includes('rejected'))).toBe(true);
  });

  it('gives up after its attempts when the ingest is unreachable', async () => {
    const { logger } = capturingLogger();
    const sink = new HttpSink({
      baseUrl: 'http://127.0.0.1:9',
      token: 'tok',
      logger,
      name: 'test',
      backoffMs: 1,
      maxAttempts: 3,
    });
    await sink.submit(batch);
    await sink.drain();
    expect(sink.stats).toMatchObject({ failed: 1, retries: 2 });
  });

  it('keeps at most `concurrency` requests in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const server = http.createServer((req, res) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      req.resume();
      setTimeout(() => {
        inFlight -= 1;
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"accepted":1,"rejected":[]}');
      }, 20);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    close = () => server.close();
    const sink = new HttpSink({
      baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
      token: 't',
      logger: capturingLogger().logger,
      name: 'test',
      concurrency: 2,
    });
    for (let i = 0; i < 8; i += 1) await sink.submit(batch);
    await sink.close();
    expect(most).toBe(2);
    expect(sink.stats.accepted).toBe(8);
  });
});
