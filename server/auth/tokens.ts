// Bearer tokens with roles, from TOKENS_FILE or, when unset, generated into DATA_DIR on first start.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const ROLES = ['ingest', 'wall', 'operator', 'director', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Readers in increasing order of rights: each may do what the ones before it may. */
const READ_RANK: Record<Role, number> = { ingest: -1, wall: 0, operator: 1, director: 2, admin: 3 };

export function mayRead(role: Role): boolean {
  return READ_RANK[role] >= READ_RANK.wall;
}

export function mayIngest(role: Role): boolean {
  return role === 'ingest' || role === 'admin';
}

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

export interface TokenStore {
  lookup(token: string | undefined): TokenEntry | undefined;
  /** the first token of a role, e.g. to print the wall URL */
  firstOf(role: Role): TokenEntry | undefined;
  readonly source: string;
}

export function loadTokens(options: { tokensFile?: string; dataDir: string }): TokenStore {
  const file = options.tokensFile ?? path.join(options.dataDir, 'tokens.json');
  if (!options.tokensFile && !fs.existsSync(file)) generateTokens(file);
  let parsed: z.infer<typeof tokensFileSchema>;
  try {
    parsed = tokensFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`TOKENS_FILE ${file} is not valid: ${(error as Error).message}`, { cause: error });
  }
  const byToken = new Map(parsed.tokens.map((t) => [t.token, t]));
  return {
    source: file,
    lookup: (token) => {
      if (!token) return undefined;
      // constant-time compare against each candidate of the same length
      for (const [candidate, entry] of byToken) {
        if (candidate.length === token.length && crypto.timingSafeEqual(Buffer.from(candidate), Buffer.from(token))) return entry;
      }
      return undefined;
    },
    firstOf: (role) => parsed.tokens.find((t) => t.role === role),
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
