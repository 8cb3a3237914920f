// Zod schemas of what walls send on the /wall namespace (outbound payloads are plain types in
// wall-events.ts). The server validates every message against these before acting on it.
import { z } from 'zod';
import { isValidScope } from './regions';

export const subscribeRequestSchema = z.object({
  scope: z.string().refine(isValidScope, { message: 'unknown scope: use "national" or a shipped adcode' }),
  lastSeq: z.number().int().nonnegative().optional(),
});

export const unsubscribeRequestSchema = z.object({
  scope: z.string(),
});

/** The first issue of a failed parse, as one line for an ack's error. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'request'}: ${issue.message}` : 'invalid request';
}
