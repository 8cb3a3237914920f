import { describe, expect, it } from 'vitest';
import { AdhocReadRefused, ReadLanes } from './read-lanes';

function deferred() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
const turn = () => new Promise((r) => setImmediate(r));
const later = (ms: number) => Date.now() + ms;

describe('ReadLanes', () => {
  it('starts an ad-hoc read only once no live query is in flight, one at a time', async () => {
    const lanes = new ReadLanes({ concurrency: 1, queueLimit: 10, yieldToLive: true, restRatio: 0 });
    const tick = deferred();
    const order: string[] = [];
    const live = lanes.live(async () => {
      await tick.promise;
      order.push('tick');
    });
    const reads = [1, 2].map((n) => lanes.adhoc(async () => void order.push(`read ${n}`), later(60_000)));
    await turn();
    await turn();
    expect(order).toEqual([]);
    expect(lanes.adhocState).toEqual({ waiting: 2, running: 0 });
    tick.resolve();
    await Promise.all([live, ...reads]);
    expect(order).toEqual(['tick', 'read 1', 'read 2']);
  });

  it('serves the earliest deadline first, so a read of several queries is not overtaken', async () => {
    const lanes = new ReadLanes({ concurrency: 1, queueLimit: 10, yieldToLive: true, restRatio: 0 });
    const tick = deferred();
    const live = lanes.live(() => tick.promise);
    const order: string[] = [];
    const first = later(60_000);
    const read = (name: string, deadlineMs: number) => lanes.adhoc(async () => void order.push(name), deadlineMs);
    const reads = [read('second read, part 1', first + 1000), read('first read, part 2', first)];
    tick.resolve();
    await Promise.all([live, ...reads]);
    expect(order).toEqual(['first read, part 2', 'second read, part 1']);
  });

  it('rests after a read for restRatio times its duration before starting the next', async () => {
    const lanes = new ReadLanes({ concurrency: 1, queueLimit: 10, yieldToLive: true, restRatio: 1 });
    const startedAt: number[] = [];
    const read = () =>
      lanes.adhoc(async () => {
        startedAt.push(Date.now());
        await new Promise((resolve) => setTimeout(resolve, 100));
      }, later(60_000));
    await Promise.all([read(), read()]);
    expect(startedAt[1] - startedAt[0]).toBeGreaterThanOrEqual(195); // 100 ms of read, about 100 of rest
  });

  it('lets live work through at once while an ad-hoc read runs', async () => {
    const lanes = new ReadLanes({ concurrency: 1, queueLimit: 10, yieldToLive: true, restRatio: 0 });
    const read = deferred();
    const reading = lanes.adhoc(() => read.promise, later(60_000));
    await turn();
    expect(lanes.adhocState.running).toBe(1);
    await expect(lanes.live(async () => 'tick')).resolves.toBe('tick');
    read.resolve();
    await reading;
  });

  it('refuses a read when the queue is full, and one that waited past its deadline', async () => {
    const lanes = new ReadLanes({ concurrency: 1, queueLimit: 1, yieldToLive: true, restRatio: 0 });
    const tick = deferred();
    const live = lanes.live(() => tick.promise);
    const waited = lanes.adhoc(async () => 'late', later(50)).catch((e: unknown) => e);
    await expect(lanes.adhoc(async () => 'one too many', later(60_000))).rejects.toMatchObject({
      reason: 'queue full',
    });
    const refused = await waited;
    expect(refused).toBeInstanceOf(AdhocReadRefused);
    expect(refused).toMatchObject({ reason: 'waited too long' });
    expect(lanes.adhocState).toEqual({ waiting: 0, running: 0 });
    tick.resolve();
    await live;
  });

  it('does not wait for live work against a server, and runs reads side by side up to its width', async () => {
    const lanes = new ReadLanes({ concurrency: 2, queueLimit: 10, yieldToLive: false, restRatio: 0 });
    const tick = deferred();
    const live = lanes.live(() => tick.promise);
    const gates = [deferred(), deferred(), deferred()];
    const reads = gates.map((g) => lanes.adhoc(() => g.promise, later(60_000)));
    await turn();
    await turn();
    expect(lanes.adhocState).toEqual({ waiting: 1, running: 2 });
    gates.forEach((g) => g.resolve());
    tick.resolve();
    await Promise.all([live, ...reads]);
  });
});
