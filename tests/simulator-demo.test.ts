// The demo simulator against a real server and the embedded engine: it backfills an empty store
// through the HTTP ingest, the store then counts exactly the cases the model generated, and a restart
// resumes, filling the gap while it was down. Nothing it posts is rejected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSimulatorConfig } from '@simulator/config';
import { runDemo } from '@simulator/demo';
import { CaseModel } from '@simulator/model';
import { startTestServer, type TestServer } from './helpers/test-server';

const SEED = 4242;
const DAYS = 0.1; // 2.4 hours of history: enough to cross every code path, quick to load
const MINUTE = 60_000;

let ts: TestServer;
beforeAll(async () => {
  ts = await startTestServer();
});
afterAll(async () => {
  await ts.stop();
});

async function storedCases(fromMs: number, toMs: number): Promise<{ total: number; byKind: Record<string, number> }> {
  const query = `scope=national&from=${new Date(fromMs).toISOString()}&to=${new Date(toMs).toISOString()}`;
  const response = await fetch(`${ts.baseUrl}/api/v1/stats?${query}`, {
    headers: { authorization: `Bearer ${ts.token('wall')}` },
  });
  return (await response.json()) as { total: number; byKind: Record<string, number> };
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function expectedKinds(
  model: CaseModel,
  fromMs: number,
  toMs: number,
): { total: number; byKind: Record<string, number> } {
  const byKind: Record<string, number> = { consultation: 0, complaint: 0, report: 0, suggestion: 0 };
  const seeds = model.arrivals(fromMs, toMs);
  for (const seed of seeds) byKind[model.build(seed).facts.kind] += 1;
  return { total: seeds.length, byKind };
}

async function rejectedByIngest(): Promise<number> {
  return (await ts.server.metrics.casesRejected.get()).values.reduce((sum, v) => sum + v.value, 0);
}

describe('npm run demo simulator', () => {
  const simulator = { ...loadSimulatorConfig({}), seed: SEED, speed: 1 };
  const model = new CaseModel({ seed: SEED });
  let firstStart = 0;

  it('backfills an empty store through the ingest API, newest first, and answers at once', async () => {
    firstStart = Date.now();
    const stop = await runDemo({ server: ts.server, simulator, baseUrl: ts.baseUrl, days: DAYS });
    expect(Date.now() - firstStart).toBeLessThan(30_000);
    // a window safely inside the history: from just after its start to just before live took over
    const window = [firstStart - DAYS * 86_400_000 + MINUTE, firstStart] as const;
    const expected = expectedKinds(model, ...window);
    await waitFor(async () => (await storedCases(...window)).total >= expected.total, 40_000);
    await stop();
    expect(await storedCases(...window)).toMatchObject(expected);
    expect(expected.total).toBeGreaterThan(100);
    expect(await rejectedByIngest()).toBe(0);
  });

  it('resumes on a non-empty store: the gap while it was down is filled, nothing counted twice', async () => {
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const secondStart = Date.now();
    const stop = await runDemo({ server: ts.server, simulator, baseUrl: ts.baseUrl, days: DAYS });
    const window = [firstStart - DAYS * 86_400_000 + MINUTE, secondStart] as const;
    const expected = expectedKinds(model, ...window);
    await waitFor(async () => (await storedCases(...window)).total >= expected.total, 40_000);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // a few live ticks
    await stop();
    expect(await storedCases(...window)).toMatchObject(expected);
    expect(await rejectedByIngest()).toBe(0);
  });
});
