// Bearer tokens with roles, from TOKENS_FILE or, when unset, generated into DATA_DIR on first start.
// The file is watched: every lookup goes through the tokens read last, so a removed token stops
// working at once, and listeners (the /wall namespace) hear of each change to close what it opened.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ROLES, type Role } from '@shared/roles';
import type { Logger } from '../ops/logger';

export { ROLES, mayIngest, mayRead, type Role } from '@shared/roles';

/** How often the token file is checked for changes (a stat, not a read). */
export const TOKENS_POLL_MS = 1_000;
/** No issued token is this long: longer input is refused before it is hashed. */
const MAX_TOKEN_CHARS = 1_024;

const tokensFileSchema = z.strictObject({
  tokens: z.array(
    z.strictObject({
      name: z.string().min(1),
      role: z.enum(ROLES),
      token: z.string().min(16, 'tokens must be at least 16 characters'),
    }),
  ),
});

export type TokenEntry = z.infer<typeof tokensFileSchema>['tokens'][number];

/** A token the store knows, with a digest that identifies it without being the secret. */
export interface KnownToken extends TokenEntry {
  id: string;
}

export interface TokenStore {
  lookup(token: unknown): KnownToken | undefined;
  /** the entry of a digest from an earlier lookup, as the current file has it (undefined once removed) */
  byId(id: string): KnownToken | undefined;
  /** the first token of a role, e.g. to print the wall URL */
  firstOf(role: Role): KnownToken | undefined;
  /** called after each successful reload */
  onChange(listener: () => void): void;
  /** reads the file again now; false (old tokens kept, error logged) when the new file is not valid */
  reload(): boolean;
  close(): void;
  readonly source: string;
}

function digest(token: string): Buffer {
  return crypto.createHash('sha256').update(token, 'utf8').digest();
}

function keyOf(stats: fs.Stats): string {
  return `${stats.ino}:${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;
}

function statKey(file: string): string {
  try {
    return keyOf(fs.statSync(file));
  } catch {
    return 'missing';
  }
}

function readTokens(file: string): KnownToken[] {
  const parsed = tokensFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  return parsed.tokens.map((t) => ({ ...t, id: digest(t.token).toString('hex') }));
}

export function loadTokens(options: { tokensFile?: string; dataDir: string; logger?: Logger }): TokenStore {
  const file = options.tokensFile ?? path.join(options.dataDir, 'tokens.json');
  if (!options.tokensFile && !fs.existsSync(file)) generateTokens(file);
  let seen = statKey(file);
  let entries: KnownToken[];
  try {
    entries = readTokens(file);
  } catch (error) {
    throw new Error(`TOKENS_FILE ${file} is not valid: ${(error as Error).message}`, { cause: error });
  }
  let digests = entries.map((e) => Buffer.from(e.id, 'hex'));
  const listeners: Array<() => void> = [];

  function reload(): boolean {
    try {
      entries = readTokens(file);
      digests = entries.map((e) => Buffer.from(e.id, 'hex'));
    } catch (error) {
      // a half-written or mistyped file must not lock every wall out: keep serving the last good tokens
      options.logger?.error(
        { file, err: (error as Error).message },
        'token file not valid: keeping the previous tokens',
      );
      return false;
    }
    options.logger?.info({ file, tokens: entries.length }, 'token file reloaded');
    for (const listener of listeners) listener();
    return true;
  }

  // Stat polling rather than fs.watch: it also sees a file replaced by rename, on every file system.
  // Compared with the stat taken before the last read, so a change right after start is not missed.
  let closed = false;
  const poller = setInterval(() => {
    fs.stat(file, (error, stats) => {
      if (closed) return;
      const key = error ? 'missing' : keyOf(stats);
      if (key === seen) return;
      seen = key;
      reload();
    });
  }, TOKENS_POLL_MS);
  poller.unref();

  return {
    source: file,
    lookup: (token) => {
      if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_CHARS) return undefined;
      // Equal-length digests compared in constant time, every candidate visited: neither the length
      // nor the content of a valid token leaks through timing, whatever bytes the caller sent.
      const presented = digest(token);
      let found: KnownToken | undefined;
      digests.forEach((candidate, i) => {
        if (crypto.timingSafeEqual(candidate, presented) && !found) found = entries[i];
      });
      return found;
    },
    byId: (id) => entries.find((e) => e.id === id),
    firstOf: (role) => entries.find((t) => t.role === role),
    onChange: (listener) => void listeners.push(listener),
    reload,
    close: () => {
      closed = true;
      clearInterval(poller);
    },
  };
}

function generateTokens(file: string): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const make = () => crypto.randomBytes(24).toString('base64url');
  const tokens: TokenEntry[] = [
    { name: 'ingest-1', role: 'ingest', token: make() },
    { name: 'wall-1', role: 'wall', token: make() },
    { name: 'operator-1', role: 'operator', token: make() },
    { name: 'director-1', role: 'director', token: make() },
    { name: 'admin-1', role: 'admin', token: make() },
  ];
  fs.writeFileSync(file, `${JSON.stringify({ tokens }, null, 2)}\n`, { mode: 0o600 });
}

/** The token of an `Authorization: Bearer <token>` header. */
export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
