import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { bearerOf, loadTokens, TOKENS_POLL_MS, type TokenStore } from './tokens';

const stores: TokenStore[] = [];
afterEach(() => stores.splice(0).forEach((s) => s.close()));

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cw-tokens-'));
}

/** A logger that keeps its lines, to check what reached the log. */
function capturingLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });
  return { logger, lines };
}

function open(options: Parameters<typeof loadTokens>[0]): TokenStore {
  const store = loadTokens(options);
  stores.push(store);
  return store;
}

async function until(test: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('token lookup', () => {
  const wallToken = 'wall-token-0123456789abcdef';
  const file = path.join(tempDir(), 'tokens.json');
  fs.writeFileSync(file, JSON.stringify({ tokens: [{ name: 'w', role: 'wall', token: wallToken }] }));

  it('finds a token and refuses anything else without throwing, whatever its bytes or type', () => {
    const store = open({ tokensFile: file, dataDir: tempDir() });
    expect(store.lookup(wallToken)).toMatchObject({ name: 'w', role: 'wall' });
    // same JS length, more UTF-8 bytes: compared on digests, so no length mismatch can throw
    const odd = [
      'é'.repeat(wallToken.length),
      '令'.repeat(wallToken.length),
      '\ud83d'.repeat(wallToken.length),
      `${wallToken.slice(0, -1)}\u0000`,
      wallToken.toUpperCase(),
      `${wallToken} `,
      'x'.repeat(100_000),
      '',
      undefined,
      null,
      42,
      { token: wallToken },
      [wallToken],
    ];
    for (const token of odd) expect(store.lookup(token)).toBeUndefined();
  });

  it('reads the bearer of an Authorization header', () => {
    expect(bearerOf(`Bearer ${wallToken}`)).toBe(wallToken);
    expect(bearerOf(`bearer   ${wallToken}  `)).toBe(wallToken);
    expect(bearerOf(`Bearer a b`)).toBeUndefined();
    expect(bearerOf(`Basic ${wallToken}`)).toBeUndefined();
    expect(bearerOf(undefined)).toBeUndefined();
  });
});

describe('token file reload', () => {
  it('follows the generated DATA_DIR/tokens.json: a removed token stops working, listeners hear of it', async () => {
    const dataDir = tempDir();
    const store = open({ dataDir });
    const file = path.join(dataDir, 'tokens.json');
    const wall = store.firstOf('wall')!;
    expect(store.lookup(wall.token)).toBeDefined();
    let changes = 0;
    store.onChange(() => (changes += 1));

    const { tokens } = JSON.parse(fs.readFileSync(file, 'utf8')) as { tokens: Array<{ role: string }> };
    fs.writeFileSync(file, JSON.stringify({ tokens: tokens.filter((t) => t.role !== 'wall') }));
    await until(() => store.lookup(wall.token) === undefined, 'the removed token to stop working', 20 * TOKENS_POLL_MS);
    expect(changes).toBe(1);
    expect(store.byId(wall.id)).toBeUndefined();
    expect(store.firstOf('ingest')).toBeDefined();
  });

  it('keeps the previous tokens when the new file is not valid, and logs why without any token', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'tokens.json');
    const token = 'director-token-000000000000';
    fs.writeFileSync(file, JSON.stringify({ tokens: [{ name: 'd', role: 'director', token }] }));
    const { logger, lines } = capturingLogger();
    const store = open({ tokensFile: file, dataDir: dir, logger });
    let changes = 0;
    store.onChange(() => (changes += 1));

    fs.writeFileSync(file, '{"tokens": [{"name": "d", "role": "director", "token": "short"}'); // half written
    await until(
      () => lines.some((l) => l.includes('token file not valid')),
      'the error to be logged',
      20 * TOKENS_POLL_MS,
    );
    expect(store.lookup(token)).toMatchObject({ name: 'd' });
    expect(changes).toBe(0);

    fs.writeFileSync(file, JSON.stringify({ tokens: [{ name: 'd', role: 'ingest', token }] }));
    await until(() => store.lookup(token)?.role === 'ingest', 'the role change', 20 * TOKENS_POLL_MS);
    expect(changes).toBe(1);
    expect(lines.join('\n')).not.toContain(token);
  });

  it('refuses to start on an invalid file rather than serve without tokens', () => {
    const dir = tempDir();
    const file = path.join(dir, 'tokens.json');
    fs.writeFileSync(file, '{}');
    expect(() => loadTokens({ tokensFile: file, dataDir: dir })).toThrow(/is not valid/);
  });
});
