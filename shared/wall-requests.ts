// Zod schemas of what walls send on the /wall namespace (outbound payloads are plain types in
// wall-events.ts). The server validates every message against these before acting on it.
import { z } from 'zod';
import { isValidScope } from './regions';
import type { WallError } from './wall-errors';
import { WALL_ID_PATTERN } from './wall-modes';

/** Longer than any scope name: anything past it is not worth validating further. */
const MAX_SCOPE_CHARS = 32;

export const subscribeRequestSchema = z.object({
  scope: z
    .string()
    .max(MAX_SCOPE_CHARS)
    .refine(isValidScope, { message: 'unknown scope: use "national" or a shipped adcode' }),
  /** the wall group (shared/wall-modes.ts); by default the scope's own */
  wall: z.string().regex(WALL_ID_PATTERN).optional(),
  lastSeq: z.number().int().nonnegative().optional(),
});

export const unsubscribeRequestSchema = z.object({
  scope: z.string().max(MAX_SCOPE_CHARS),
});

/** The code of a failed parse: an unknown scope has its own, anything else names its first wrong field. */
export function requestError(error: z.ZodError): WallError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || 'request';
  if (issue?.code === 'custom' && field === 'scope') return { code: 'unknown-scope', detail: { field } };
  return { code: 'invalid-request', detail: { field } };
}
