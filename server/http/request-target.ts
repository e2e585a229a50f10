import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

/**
 * Only origin-form request targets (`/path?query`) are answered. The router also routes the absolute form
 * (`GET http://host/api/orders`) and other forms reach the not-found handler with a `request.url` that code
 * reading it does not expect: refused here, first, whatever route they would have matched. `OPTIONS *` is the one
 * other form HTTP defines for an origin server; it is left to the router (which has nothing for it).
 */
export function registerRequestTargetCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    const target = request.raw.url ?? '';
    if (target.startsWith('/') || (target === '*' && request.method === 'OPTIONS')) return;
    throw new AppError('BAD_REQUEST_TARGET', 'The request target must be a path starting with "/" (origin-form).');
  });
}
