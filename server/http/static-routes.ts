// The built wall (dist/client) at /, the boundary pack at /geo/ (replaceable with BOUNDARY_DIR).
import fs from 'node:fs';
import path from 'node:path';
import express, { Router } from 'express';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const CLIENT_DIST = path.join(ROOT, 'dist', 'client');

export function staticRoutes(boundaryDir: string): Router {
  const router = Router();
  router.use('/geo', express.static(boundaryDir, { maxAge: '1h', fallthrough: false }));
  router.use(express.static(CLIENT_DIST, { index: 'index.html', maxAge: 0 }));
  router.get(/^\/(?!api\/|socket\.io\/).*/, (_req, res, next) => {
    const index = path.join(CLIENT_DIST, 'index.html');
    if (fs.existsSync(index)) res.sendFile(index);
    else next();
  });
  return router;
}
