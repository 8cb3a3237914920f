// The active scopes and the tick that drives them. A scope exists while walls watch it; every tick
// computes each watched scope once, side by side. A scope whose previous tick is still running skips
// this one (counted in commandwall_ticks_skipped_total): ticks never stack on a slow ClickHouse.
// A scope nobody watches is paused (no queries at all) and forgotten after PAUSED_ROOM_TTL_MS; until
// then a wall that comes back resumes from the same stream.
import type { Metrics } from '../ops/metrics';
import { ScopeRoom, type RoomDeps } from './scope-room';

export const PAUSED_ROOM_TTL_MS = 5 * 60_000;

export interface RegistryDeps extends RoomDeps {
  metrics: Metrics;
  /** how many walls are in a Socket.IO room now */
  watchers(room: string): number;
}

export class ScopeRegistry {
  private readonly rooms = new Map<string, ScopeRoom>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly deps: RegistryDeps) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.tickAll(), this.deps.tickMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.rooms.clear();
  }

  /** The room of a scope, created (or resumed from a pause) for a wall that subscribes. */
  open(scope: string): ScopeRoom {
    let room = this.rooms.get(scope);
    if (!room) {
      room = new ScopeRoom(scope, this.deps);
      this.rooms.set(scope, room);
    } else if (room.pausedAtMs !== undefined) {
      room.resume();
    }
    return room;
  }

  /** Computes a room now rather than at the next tick (its first state, for the wall waiting on it). */
  kick(room: ScopeRoom): void {
    if (!room.busy) void this.run(room);
  }

  private tickAll(): void {
    const nowMs = this.deps.clock.now();
    for (const [scope, room] of this.rooms) {
      if (this.deps.watchers(room.room) === 0) {
        room.pausedAtMs ??= nowMs;
        if (nowMs - room.pausedAtMs >= PAUSED_ROOM_TTL_MS) this.rooms.delete(scope);
        continue;
      }
      if (room.pausedAtMs !== undefined) room.resume();
      if (room.busy) {
        // a room still waiting for its very first answer is not an overrun: nothing was due yet
        if (room.hasState) this.deps.metrics.ticksSkipped.inc();
        continue;
      }
      void this.run(room);
    }
  }

  private async run(room: ScopeRoom): Promise<void> {
    room.busy = true;
    const stopTimer = this.deps.metrics.tickDuration.startTimer({ level: room.params.level });
    try {
      if (await room.tick()) stopTimer();
    } catch (error) {
      this.deps.logger.error({ err: error, scope: room.params.scope }, 'wall tick failed');
    } finally {
      room.busy = false;
    }
  }
}
