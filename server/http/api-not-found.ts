// Unknown /api/ paths and methods answer JSON, as every other API answer does, never Express's HTML
// page: 404 for a path no route serves, 405 with an Allow header for a method the path does not take.
import type { Express, NextFunction, Request, Response } from 'express';

interface RouteLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: RouteLayer[] };
}

/** A route path as a pattern: its :params match one segment each ('/api/v1/notices/:id'). */
function pathPattern(routePath: string): RegExp {
  const escaped = routePath.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:\w+/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

/**
 * The methods of each API route, read once from the app's routers. API routes are paths with
 * :params at most ('/api/v1/notices/:id') on routers mounted at the root, as every route here is.
 */
function apiMethods(app: Express): Map<string, { pattern: RegExp; methods: Set<string> }> {
  const routes = new Map<string, { pattern: RegExp; methods: Set<string> }>();
  const visit = (stack: RouteLayer[] = []) => {
    for (const layer of stack) {
      const path = layer.route?.path;
      if (layer.route && typeof path === 'string' && path.startsWith('/api/')) {
        const route = routes.get(path) ?? { pattern: pathPattern(path), methods: new Set<string>() };
        for (const [method, on] of Object.entries(layer.route.methods)) if (on) route.methods.add(method.toUpperCase());
        if (route.methods.has('GET')) route.methods.add('HEAD');
        routes.set(path, route);
      } else if (layer.handle?.stack) visit(layer.handle.stack);
    }
  };
  visit((app as unknown as { router: { stack: RouteLayer[] } }).router.stack);
  return routes;
}

export function apiNotFound(app: Express) {
  let routes: ReturnType<typeof apiMethods> | undefined;
  return (req: Request, res: Response, _next: NextFunction) => {
    routes ??= apiMethods(app);
    const path = req.path.replace(/\/+$/, '') || '/';
    const allowed = new Set<string>();
    for (const route of routes.values())
      if (route.pattern.test(`/api${path}`)) route.methods.forEach((m) => allowed.add(m));
    if (allowed.size === 0) {
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
