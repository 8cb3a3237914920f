// Starts a real Command Wall server on port 0 with a fresh DATA_DIR and the embedded engine.
// libchdb binds one data directory per process: one embedded server per test file (Vitest forks).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CaseInput, IngestReply } from '@shared/case-schema';
import { loadConfig, type ServerConfig } from '../../server/config';
import { createServer, type CommandWallServer, type CreateServerOptions } from '../../server/create-server';
import type { Clock } from '../../server/clock';

export interface TestServer {
  server: CommandWallServer;
  baseUrl: string;
  port: number;
  dataDir: string;
  token(role: 'ingest' | 'wall' | 'operator' | 'director' | 'admin'): string;
  ingest(cases: unknown[]): Promise<{ status: number; body: IngestReply }>;
  stop(): Promise<void>;
}

export function tempDataDir(prefix = 'cw-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export async function startTestServer(
  overrides: Partial<ServerConfig> = {},
  clock?: Clock,
  /** more of createServer's options (a PanelsAtSource, for one) */
  options: Omit<CreateServerOptions, 'config' | 'clock'> = {},
): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? tempDataDir();
  // statsTimeLimitMs: tests share a loaded machine; a statistics read there may wait long for its turn
  const config: ServerConfig = {
    ...loadConfig({}),
    port: 0,
    logLevel: 'silent',
    statsTimeLimitMs: 60_000,
    ...overrides,
    dataDir,
  };
  const server = createServer({ ...options, config, clock });
  const { port, ready } = await server.start();
  await ready;
  const baseUrl = `http://127.0.0.1:${port}`;
  const token = (role: Parameters<TestServer['token']>[0]) => {
    const entry = server.tokens.firstOf(role);
    if (!entry) throw new Error(`no ${role} token`);
    return entry.token;
  };
  return {
    server,
    baseUrl,
    port,
    dataDir,
    token,
    async ingest(cases) {
      const response = await fetch(`${baseUrl}/api/v1/cases`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token('ingest')}`, 'content-type': 'application/json' },
        body: JSON.stringify(cases),
      });
      return { status: response.status, body: (await response.json()) as IngestReply };
    },
    stop: () => server.stop(),
  };
}

/** A valid case received `agoMs` before now, with overrides. */
export function makeCase(id: string, overrides: Partial<CaseInput> = {}, nowMs = Date.now()): CaseInput {
  return {
    id,
    receivedAt: new Date(nowMs).toISOString(),
    line: 'consumer',
    kind: 'complaint',
    channel: 'phone',
    regionCode: '420102',
    category: 'food',
    issueType: 'quality',
    status: 'received',
    ...overrides,
  };
}

/** One API call as a role (none: no token); a string body is sent as is, anything else as JSON. */
export async function callApi(
  ts: TestServer,
  method: string,
  path: string,
  role: Parameters<TestServer['token']>[0] | undefined,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (role) headers.authorization = `Bearer ${ts.token(role)}`;
  const response = await fetch(`${ts.baseUrl}${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}
