// Unknown /api/ paths and methods answer JSON, as every other API answer does, never Express's HTML
// page: 404 for a path no route serves, 405 with an Allow header for a method the path does not take.
import type { Express, NextFunction, Request, Response } from 'express';

interface RouteLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: RouteLayer[] };
}

/**
 * The methods of each API route, read once from the app's routers. API routes are plain paths
 * ('/api/v1/stats') on routers mounted at the root, as every route of this server is.
 */
function apiMethods(app: Express): Map<string, Set<string>> {
  const methods = new Map<string, Set<string>>();
  const visit = (stack: RouteLayer[] = []) => {
    for (const layer of stack) {
      if (layer.route && typeof layer.route.path === 'string' && layer.route.path.startsWith('/api/')) {
        const set = methods.get(layer.route.path) ?? new Set<string>();
        for (const [method, on] of Object.entries(layer.route.methods)) if (on) set.add(method.toUpperCase());
        if (set.has('GET')) set.add('HEAD');
        methods.set(layer.route.path, set);
      } else if (layer.handle?.stack) visit(layer.handle.stack);
    }
  };
  visit((app as unknown as { router: { stack: RouteLayer[] } }).router.stack);
  return methods;
}

export function apiNotFound(app: Express) {
  let routes: Map<string, Set<string>> | undefined;
  return (req: Request, res: Response, _next: NextFunction) => {
    routes ??= apiMethods(app);
    const path = req.path.replace(/\/+$/, '') || '/';
    const allowed = routes.get(`/api${path}`);
    if (!allowed) {
      res.status(404).json({ error: `no API at ${req.method} /api${path}` });
      return;
    }
    // (OPTIONS never gets here: Express answers it with the Allow header of the matching routes)
    res.set('Allow', [...allowed].join(', '));
    res
      .status(405)
      .json({ error: `method ${req.method} not allowed on /api${path}: use ${[...allowed].join(' or ')}` });
  };
}
