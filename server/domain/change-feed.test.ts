import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { createChangeFeed } from './change-feed';
import { createSerialQueue } from './serial';

describe('change feed', () => {
  it('hands each change to every subscriber, past one that throws, and stops after unsubscribe', () => {
    const logged: string[] = [];
    const feed = createChangeFeed<{ id: string }>(
      'test',
      pino({}, { write: (line: string) => void logged.push(line) }),
    );
    const heard: string[] = [];
    feed.subscribe(() => {
      throw new Error('panel broke');
    });
    const unsubscribe = feed.subscribe((change) => heard.push(change.id));
    feed.publish({ id: 'a' });
    unsubscribe();
    feed.publish({ id: 'b' });
    expect(heard).toEqual(['a']);
    expect(logged.join('')).toContain('panel broke');
  });
});

describe('serial queue', () => {
  it('runs writes one after another, in order, even past a failed one', async () => {
    const serial = createSerialQueue();
    const steps: string[] = [];
    const write = (name: string, fail = false) =>
      serial(async () => {
        steps.push(`${name} start`);
        await new Promise((resolve) => setTimeout(resolve, 5));
        steps.push(`${name} end`);
        if (fail) throw new Error(name);
        return name;
      });
    const results = await Promise.allSettled([write('a'), write('b', true), write('c')]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(steps).toEqual(['a start', 'a end', 'b start', 'b end', 'c start', 'c end']);
  });
});
