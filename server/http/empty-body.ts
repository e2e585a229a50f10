import type { FastifyInstance } from 'fastify';

/**
 * An action (confirm, release, ship, close, cancel…) needs no body, and outside tools send none, an empty one
 * or `{}`, with or without `Content-Type: application/json`. All three read as `{}`: the JSON parser takes an
 * empty body as no body (Fastify's own refuses it), and a route with a body schema gets `{}` for a missing body,
 * so each optional field stays optional and a required one is reported by its name, not as "body must be object".
 */
export function registerEmptyBody(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (text.trim() === '') done(null, undefined);
    else void parseJson(request, text, done);
  });
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.routeOptions.schema?.body) request.body = {};
  });
}
