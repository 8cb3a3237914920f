// Security headers on every answer. The Content-Security-Policy lets the wall load only from its own
// origin: its scripts, styles, fonts, the boundary pack and the Socket.IO connection ('self' covers
// ws:// and wss:// to the same host in current browsers). What the built wall needs besides, checked
// in headless Chromium (tests/e2e): inline style attributes (Vue's :style bindings, ECharts and
// MapLibre position their elements with them), data:/blob: images (chart and map canvases), and a
// blob: worker (MapLibre starts its worker from a blob: URL). No inline or eval'd script.
import type { NextFunction, Request, Response } from 'express';

/**
 * FRAME_ANCESTORS: who may show the wall in a frame. Default 'none' (no framing at all); otherwise
 * CSP source expressions such as "'self' https://portal.example.gov.cn".
 */
export const DEFAULT_FRAME_ANCESTORS = "'none'";

const SOURCE =
  /^(?:'none'|'self'|[a-z][a-z0-9+.-]*:|(?:[a-z][a-z0-9+.-]*:\/\/)?(?:\*\.)?[a-z0-9.-]+(?::(?:\d{1,5}|\*))?)$/i;

/** The frame-ancestors sources, checked: a typo must not silently allow or block every frame. */
export function parseFrameAncestors(value: string | undefined): string {
  const sources = (value?.trim() || DEFAULT_FRAME_ANCESTORS).split(/\s+/);
  const unquoted = sources.find((s) => s === 'self' || s === 'none');
  if (unquoted) throw new Error(`FRAME_ANCESTORS: write '${unquoted}' with its single quotes`);
  const bad = sources.find((s) => !SOURCE.test(s));
  if (bad)
    throw new Error(
      `FRAME_ANCESTORS: "${bad}" is not a CSP source (use 'none', 'self' or origins like https://portal.example)`,
    );
  if (sources.includes("'none'") && sources.length > 1)
    throw new Error("FRAME_ANCESTORS: 'none' cannot be combined with other sources");
  return sources.join(' ');
}

export function contentSecurityPolicy(frameAncestors: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${frameAncestors}`,
  ].join('; ');
}

/** The headers every answer carries, pages, API and Socket.IO's own answers alike. */
export function securityHeaderValues(frameAncestors: string): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Security-Policy': contentSecurityPolicy(frameAncestors),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
  // X-Frame-Options for browsers without frame-ancestors: it can only say DENY or SAMEORIGIN
  if (frameAncestors === "'none'") headers['X-Frame-Options'] = 'DENY';
  else if (frameAncestors === "'self'") headers['X-Frame-Options'] = 'SAMEORIGIN';
  return headers;
}

export function securityHeaders(frameAncestors: string) {
  const headers = Object.entries(securityHeaderValues(frameAncestors));
  return (_req: Request, res: Response, next: NextFunction) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
