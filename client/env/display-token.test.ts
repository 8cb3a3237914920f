import { describe, expect, it } from 'vitest';
import { TOKEN_STORAGE_KEY, takeDisplayToken, type TokenEnvironment } from './display-token';

function environment(href: string, stored: Record<string, string> = {}) {
  const store = new Map(Object.entries(stored));
  const replaced: string[] = [];
  const env: TokenEnvironment = {
    href,
    storage: { getItem: (k) => store.get(k) ?? null, setItem: (k, v) => void store.set(k, v) },
    replaceUrl: (url) => void replaced.push(url),
  };
  return { env, store, replaced };
}

describe('display token', () => {
  it('takes ?token= into storage and removes it from the address bar, keeping other parameters', () => {
    const { env, store, replaced } = environment('http://wall:12315/?layout=wide&token=abc123&tile=2/3#x');
    expect(takeDisplayToken(env)).toBe('abc123');
    expect(store.get(TOKEN_STORAGE_KEY)).toBe('abc123');
    expect(replaced).toEqual(['/?layout=wide&tile=2/3#x']);
  });

  it('uses the stored token when the URL has none, without touching the URL', () => {
    const { env, replaced } = environment('http://wall:12315/?scope=420100', { [TOKEN_STORAGE_KEY]: 'kept' });
    expect(takeDisplayToken(env)).toBe('kept');
    expect(replaced).toEqual([]);
  });

  it('prefers a new token in the URL over the stored one', () => {
    const { env, store } = environment('http://wall/?token=new', { [TOKEN_STORAGE_KEY]: 'old' });
    expect(takeDisplayToken(env)).toBe('new');
    expect(store.get(TOKEN_STORAGE_KEY)).toBe('new');
  });

  it('takes the token from a malformed URL and keeps the malformed parts as written', () => {
    for (const [href, left] of [
      ['http://wall/?%=&token=abc123', '/?%='],
      ['http://wall/?token=abc123&%zz=1&layout=wide', '/?%zz=1&layout=wide'],
      ['http://wall/?%E4%B8=x&token=abc123', '/?%E4%B8=x'],
      ['http://wall/?scope=%&tok%65n=abc123', '/?scope=%'],
    ]) {
      const { env, replaced } = environment(href);
      expect(takeDisplayToken(env)).toBe('abc123');
      expect(replaced).toEqual([left]);
    }
  });

  it('returns null when there is no token anywhere', () => {
    expect(takeDisplayToken(environment('http://wall/?token=').env)).toBeNull();
    expect(takeDisplayToken(environment('http://wall/').env)).toBeNull();
  });

  it('still works when storage throws', () => {
    const env: TokenEnvironment = {
      href: 'http://wall/?token=t',
      storage: {
        getItem: () => {
          throw new Error('denied');
        },
        setItem: () => {
          throw new Error('denied');
        },
      },
      replaceUrl: () => undefined,
    };
    expect(takeDisplayToken(env)).toBe('t');
  });
});
