import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { contentSecurityPolicy, parseFrameAncestors, securityHeaders } from './security-headers';

async function headersWith(frameAncestors: string): Promise<Headers> {
  const app = express();
  app.use(securityHeaders(frameAncestors));
  app.get('/', (_req, res) => void res.send('wall'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    return (await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`)).headers;
  } finally {
    server.close();
  }
}

describe('FRAME_ANCESTORS', () => {
  it("defaults to 'none': no framing, with X-Frame-Options DENY", async () => {
    expect(loadConfig({}).frameAncestors).toBe("'none'");
    const headers = await headersWith("'none'");
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('x-frame-options')).toBe('DENY');
  });

  it("allows the listed origins, with SAMEORIGIN for 'self' alone and no X-Frame-Options for a list", async () => {
    expect(parseFrameAncestors(" 'self'   https://portal.example.gov.cn ")).toBe(
      "'self' https://portal.example.gov.cn",
    );
    const listed = await headersWith(parseFrameAncestors("'self' https://portal.example.gov.cn:8443"));
    expect(listed.get('content-security-policy')).toContain(
      "frame-ancestors 'self' https://portal.example.gov.cn:8443",
    );
    expect(listed.get('x-frame-options')).toBeNull();
    expect((await headersWith("'self'")).get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('refuses a value that is not a list of CSP sources', () => {
    expect(() => loadConfig({ FRAME_ANCESTORS: 'self' })).toThrow("write 'self' with its single quotes");
    expect(() => parseFrameAncestors("'self'; script-src *")).toThrow(/not a CSP source/);
    expect(() => parseFrameAncestors("'none' 'self'")).toThrow(/cannot be combined/);
    expect(() => parseFrameAncestors('https://a.example,https://b.example')).toThrow(/not a CSP source/);
  });

  it('keeps every other directive to the wall itself', () => {
    const csp = contentSecurityPolicy("'none'");
    expect(csp.split('; ').sort()).toEqual(
      [
        "base-uri 'none'",
        "connect-src 'self'",
        "default-src 'self'",
        "font-src 'self'",
        "form-action 'none'",
        "frame-ancestors 'none'",
        "img-src 'self' data: blob:",
        "object-src 'none'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "worker-src 'self' blob:",
      ].sort(),
    );
  });
});
