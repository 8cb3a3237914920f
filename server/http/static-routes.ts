// The built wall (dist/client) at /, the boundary pack at /geo/ (replaceable with BOUNDARY_DIR).
// Every other page path is the wall itself (its parameters are in the query string, and a malformed
// one, such as /?%=&token=..., is the wall's to read: it still loads). A missing asset or boundary
// file is a plain 404 that names no path on the server's disk.
import fs from 'node:fs';
import path from 'node:path';
import express, { Router, type NextFunction, type Request, type Response } from 'express';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLIENT_DIST = path.join(ROOT, 'dist', 'client');

function notFound(_req: Request, res: Response): void {
  res.status(404).type('text/plain').send('not found');
}

export function staticRoutes(boundaryDir: string): Router {
  const router = Router();
  router.use('/geo', express.static(boundaryDir, { maxAge: '1h', fallthrough: false }));
  router.use('/geo', (error: Error & { status?: number }, req: Request, res: Response, next: NextFunction) => {
    if (error.status === 404) notFound(req, res);
    else if (error.status === 400) res.status(400).type('text/plain').send('malformed path');
    else next(error);
  });
  router.use(express.static(CLIENT_DIST, { index: 'index.html', maxAge: 0 }));
  router.use('/assets', notFound);
  router.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res, next) => {
    const index = path.join(CLIENT_DIST, 'index.html');
    if (fs.existsSync(index)) res.sendFile(index);
    else next();
  });
  return router;
}
