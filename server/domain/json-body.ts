// What every write domain's routes share about their JSON bodies: a small body parser, one clear
// error for a body that is not an object, and the parser's and the store's errors in the API's shape
// (422 {"errors"}, 413, 503) rather than the server-wide one. A write refused because this server does
// not hold the writer lease is 503 with Retry-After and the reason (server/ingest/writer-lease-fence.ts).
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import { NotWriterError } from '../ingest/writer-lease-fence';

/** A body that is not a JSON object (wrong content type, an array, a bare value). */
export function notAnObject(body: unknown): boolean {
  return typeof body !== 'object' || body === null || Array.isArray(body);
}
export const NOT_AN_OBJECT = ['(body): must be a JSON object sent as application/json'];

export function jsonBody(limitBytes: number): RequestHandler {
  return express.json({ limit: limitBytes });
}

/**
 * Mount after the domain's routes, on its path. `StoreError` is the domain's "could not be stored"
 * error class: 503, nothing changed, the caller may retry.
 */
export function domainBodyErrors(
  limitBytes: number,
  StoreError: abstract new (...args: never[]) => Error,
  what: string,
): ErrorRequestHandler {
  return (error: Error & { type?: string }, _req, res, next) => {
    if (error.type === 'entity.parse.failed')
      return void res.status(422).json({ errors: ['(body): is not valid JSON'] });
    if (error.type === 'entity.too.large')
      return void res.status(413).json({ error: `body over the limit of ${limitBytes} bytes` });
    if (error instanceof NotWriterError)
      return void res.status(503).set('Retry-After', String(error.retryAfterSeconds)).json({ error: error.message });
    if (error instanceof StoreError)
      return void res
        .status(503)
        .json({ error: `the ${what} could not be stored: ${error.message}; nothing was changed` });
    next(error);
  };
}
