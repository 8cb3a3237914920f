// Express middleware: 401 without a valid bearer token, 403 when its role may not do this. The token
// is looked up in the live store on every request, so a token removed from the file fails at once.
import type { NextFunction, Request, Response } from 'express';
import { bearerOf, type Role, type TokenStore } from './tokens';

declare module 'express-serve-static-core' {
  interface Request {
    /** who called: name and role only, so logging it can never write the token */
    caller?: { name: string; role: Role };
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
    req.caller = { name: entry.name, role: entry.role };
    next();
  };
}
