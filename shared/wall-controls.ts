// Zod schemas of the wall-group control API (POST /api/v1/walls/:id/...): what a director's laptop
// or the wall's control bar sends. The group's state they answer is WallGroupState (wall-modes.ts).
import { z } from 'zod';
import { isValidScope } from './regions';
import { REPLAY_SPEED_MAX, REPLAY_SPEED_MIN, WALL_ID_PATTERN } from './wall-modes';

export const wallIdSchema = z
  .string()
  .regex(WALL_ID_PATTERN, { message: "a wall id is 1-64 letters, digits, '-' or '_'" });

const moment = z.string().datetime({ offset: true, message: 'must be an ISO 8601 time with its offset' });

export const freezeBodySchema = z.object({ at: moment.optional() }).strict();

export const replayBodySchema = z
  .object({
    scope: z
      .string()
      .max(32)
      .refine(isValidScope, { message: 'unknown scope: use "national" or a shipped adcode' })
      .optional(),
    from: moment,
    to: moment,
    speed: z
      .number()
      .min(REPLAY_SPEED_MIN, { message: `a replay runs at ${REPLAY_SPEED_MIN}x to ${REPLAY_SPEED_MAX}x` })
      .max(REPLAY_SPEED_MAX, { message: `a replay runs at ${REPLAY_SPEED_MIN}x to ${REPLAY_SPEED_MAX}x` }),
  })
  .strict()
  .refine((body) => Date.parse(body.from) < Date.parse(body.to), { message: 'from must be before to', path: ['to'] });

export const seekBodySchema = z.object({ at: moment }).strict();

/** pause, play and live take no fields (an empty object, or no body at all). */
export const emptyBodySchema = z.object({}).strict();

export type FreezeBody = z.infer<typeof freezeBodySchema>;
export type ReplayBody = z.infer<typeof replayBodySchema>;
export type SeekBody = z.infer<typeof seekBodySchema>;
