// The display token: taken from ?token= once, kept in localStorage, and removed from the address bar
// so that it does not end up in screenshots, bookmarks or the browser history of a shared machine.
export const TOKEN_STORAGE_KEY = 'commandwall.displayToken';

export interface TokenEnvironment {
  /** the page's current URL */
  href: string;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  /** replaces the address bar without reloading (history.replaceState in the browser) */
  replaceUrl(url: string): void;
}

/** Returns the token to connect with, or null when the display has never been given one. */
export function takeDisplayToken(env: TokenEnvironment): string | null {
  const url = new URL(env.href);
  const fromUrl = url.searchParams.get('token')?.trim();
  if (fromUrl) {
    try {
      env.storage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled on locked-down kiosks; the token still works for this page load.
    }
    env.replaceUrl(`${url.pathname}${searchWithout(url.search, 'token')}${url.hash}`);
    return fromUrl;
  }
  try {
    return env.storage.getItem(TOKEN_STORAGE_KEY) || null;
  } catch {
    return null;
  }
}

/**
 * Drops one parameter and keeps the others exactly as written (URLSearchParams would re-encode `tile=2/3`).
 * A malformed name (`%=`, `%zz`) is kept as written: decodeURIComponent would throw and stop the wall.
 */
function searchWithout(search: string, name: string): string {
  const kept = search
    .replace(/^\?/, '')
    .split('&')
    .filter((part) => part !== '' && safeDecode(part.split('=')[0]) !== name);
  return kept.length ? `?${kept.join('&')}` : '';
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

export function browserTokenEnvironment(): TokenEnvironment {
  return {
    href: window.location.href,
    storage: window.localStorage,
    replaceUrl: (url) => window.history.replaceState(window.history.state, '', url),
  };
}
