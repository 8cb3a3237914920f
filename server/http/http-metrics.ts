// Times every HTTP request by method, matched route and status.
import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from '../ops/metrics';

export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction) => {
    const stop = metrics.httpDuration.startTimer({ method: req.method });
    res.on('finish', () => {
      const route = req.route?.path ?? (res.statusCode === 404 ? 'unmatched' : req.baseUrl || 'static');
      stop({ route: String(route), status: String(res.statusCode) });
    });
    next();
  };
}
