// The server's notion of now, injectable so tests can pin it (e.g. just before midnight in Beijing).
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
