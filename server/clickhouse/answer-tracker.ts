// Whether ClickHouse has answered lately, from the queries and inserts the server makes anyway.
// /healthz asks it first: a ping of its own would wait behind the insert the engine is running (the
// embedded engine runs one statement at a time), and a health check that takes a second under a
// steady ingest gets a server taken out of its load balancer for nothing.
export function createAnswerTracker(now: () => number = Date.now) {
  let answeredAtMs = -Infinity;
  let failedAtMs = -Infinity;
  return {
    answered(): void {
      answeredAtMs = now();
    },
    failed(): void {
      failedAtMs = now();
    },
    /** an answer within the last `withinMs`, and no failure since it */
    answeredWithin: (withinMs: number): boolean => answeredAtMs >= failedAtMs && now() - answeredAtMs <= withinMs,
  };
}
