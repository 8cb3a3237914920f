// Express middleware: 401 without a valid bearer token, 403 when its role may not do this.
import type { NextFunction, Request, Response } from 'express';
import { bearerOf, type Role, type TokenEntry, type TokenStore } from './tokens';

declare module 'express-serve-static-core' {
  interface Request {
    caller?: TokenEntry;
  }
}

export function requireRole(tokens: TokenStore, allowed: (role: Role) => boolean, action: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    const entry = tokens.lookup(bearerOf(req.header('authorization')));
    if (!entry) {
      res.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'a valid bearer token is required' });
      return;
    }
    if (!allowed(entry.role)) {
      res.status(403).json({ error: `role ${entry.role} may not ${action}` });
      return;
    }
    req.caller = entry;
    next();
  };
}
