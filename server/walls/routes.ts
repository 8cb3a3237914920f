// /api/v1/walls/:id: a wall group's mode. Control calls (freeze, replay, pause, play, seek, live) by
// director or admin, reading by wall and above. Every answer is the group's state (WallGroupState).
// Bad input is 400 {"error", "errors"} (the contract's status, not the write domains' 422): a bad id
// or body, a speed outside 60-3,600x, a moment or period outside the stored history.
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { z } from 'zod';
import { describeIssues } from '@shared/case-schema';
import {
  emptyBodySchema,
  freezeBodySchema,
  replayBodySchema,
  seekBodySchema,
  wallIdSchema,
} from '@shared/wall-controls';
import { mayRead, type Role, type TokenStore } from '../auth/tokens';
import { requireRole } from '../auth/require-role';
import type { Clock } from '../clock';
import { domainBodyErrors, jsonBody } from '../domain/json-body';
import type { PanelsAtSource } from '../replay/panels-at';
import { WallStoreError, type WallRepository } from './repository';
import type { WallCommand } from './transitions';
import type { WallGroups } from './wall-groups';

const MAX_WALL_BODY_BYTES = 4 * 1024;
const mayControlWalls = (role: Role) => role === 'director' || role === 'admin';

export interface WallRouteDeps {
  tokens: TokenStore;
  repository: WallRepository;
  groups: WallGroups;
  /** the past: its bounds are what a frozen moment or a replayed period must fall within */
  source: PanelsAtSource;
  clock: Clock;
}

const COMMANDS = ['freeze', 'replay', 'pause', 'play', 'seek', 'live'] as const;
type CommandName = (typeof COMMANDS)[number];
const BODY_SCHEMAS: Record<CommandName, z.ZodType> = {
  freeze: freezeBodySchema,
  replay: replayBodySchema,
  pause: emptyBodySchema,
  play: emptyBodySchema,
  seek: seekBodySchema,
  live: emptyBodySchema,
};

const badRequest = (res: Response, errors: string[]) => void res.status(400).json({ error: errors.join('; '), errors });
const iso = (ms: number) => new Date(ms).toISOString();

export function wallRoutes({ tokens, repository, groups, source, clock }: WallRouteDeps): Router {
  const router = Router();
  const whenLoaded = (_req: Request, res: Response, next: NextFunction) => {
    if (repository.loaded) next();
    else res.status(503).set('Retry-After', '2').json({ error: 'wall groups are loading; retry shortly' });
  };
  const validId = (req: Request, res: Response, next: NextFunction) => {
    const id = wallIdSchema.safeParse(req.params.id);
    if (id.success) next();
    else
      badRequest(
        res,
        describeIssues(id.error).map((e) => e.replace(/^\(body\)/, 'id')),
      );
  };

  router.get('/api/v1/walls/:id', requireRole(tokens, mayRead, 'read wall groups'), validId, whenLoaded, (req, res) => {
    const id = String(req.params.id);
    const state = groups.state(id);
    if (!state) return void res.status(404).json({ error: `no wall ${id}: no tile has joined it and no call set it` });
    res.json(state);
  });

  const controller = requireRole(tokens, mayControlWalls, 'change a wall group');
  router.post(
    '/api/v1/walls/:id/:command',
    controller,
    validId,
    whenLoaded,
    jsonBody(MAX_WALL_BODY_BYTES),
    async (req, res) => {
      const id = String(req.params.id);
      const name = COMMANDS.find((c) => c === req.params.command);
      if (!name)
        return void res
          .status(404)
          .json({ error: `no wall command ${String(req.params.command)}: use ${COMMANDS.join(', ')}` });
      const body = BODY_SCHEMAS[name].safeParse(req.body ?? {});
      if (!body.success) return badRequest(res, describeIssues(body.error));
      const nowMs = clock.now();
      const command = toCommand(name, body.data as Record<string, unknown>, nowMs);
      const scope = (command.type === 'replay' ? command.scope : undefined) ?? groups.scopeOf(id);
      if (scope === undefined)
        return void res
          .status(404)
          .json({ error: `no wall ${id}: no tile has joined it; name its scope with /replay` });
      if (command.type === 'freeze' || command.type === 'replay' || command.type === 'seek') {
        const bounds = await source.historyBounds();
        const [fromMs, toMs] =
          command.type === 'replay' ? [command.fromMs, command.toMs] : [command.atMs, command.atMs];
        // the newest moment stored is now, whatever the bounds were when they were read
        const newestMs = Math.max(bounds.toMs, nowMs);
        if (fromMs < bounds.fromMs || toMs > newestMs)
          return badRequest(res, [
            `the stored history runs from ${iso(bounds.fromMs)} to ${iso(newestMs)}: choose a ${command.type === 'replay' ? 'period' : 'moment'} within it`,
          ]);
      }
      const result = await repository.command(id, scope, command, req.caller!.name);
      if (result.outcome === 'refused')
        return void res.status(result.status).json({ error: result.error, errors: [result.error] });
      res.json(groups.state(id));
    },
  );

  router.use('/api/v1/walls', (error: Error & { type?: string }, req: Request, res: Response, next: NextFunction) => {
    // the contract's 400 for a body that is not JSON, not the domains' 422
    if (error.type === 'entity.parse.failed') return badRequest(res, ['(body): is not valid JSON']);
    domainBodyErrors(MAX_WALL_BODY_BYTES, WallStoreError, 'wall group')(error, req, res, next);
  });
  return router;
}

function toCommand(name: CommandName, body: Record<string, unknown>, nowMs: number): WallCommand {
  const ms = (value: unknown) => Date.parse(String(value));
  switch (name) {
    case 'freeze':
      return { type: 'freeze', atMs: body.at === undefined ? nowMs : ms(body.at) };
    case 'replay':
      return {
        type: 'replay',
        scope: body.scope as string | undefined,
        fromMs: ms(body.from),
        toMs: ms(body.to),
        speed: body.speed as number,
      };
    case 'seek':
      return { type: 'seek', atMs: ms(body.at) };
    default:
      return { type: name };
  }
}
