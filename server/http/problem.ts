import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type FieldError } from '../errors.ts';

/** RFC 9457 problem details; `errors[]` names each field by its JSON path. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  [key: string]: unknown;
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function problem(status: number, code: string, detail: string, errors?: FieldError[], extra: Record<string, unknown> = {}): Problem {
  return {
    type: `https://carnet.example/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...extra,
  };
}

/** Ajv paths look like "/lines/0/quantity"; a missing property is reported on its parent, so add its name. */
function validationErrors(error: FastifyError): FieldError[] {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  return (error.validation ?? []).map((v) => {
    const missing = (v.params as { missingProperty?: string }).missingProperty;
    const extra = (v.params as { additionalProperty?: string }).additionalProperty;
    const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const leaf = missing ?? extra;
    const path = [context, base, leaf].filter(Boolean).join('.');
    const message = extra ? `unknown property "${extra}"` : (v.message ?? 'is invalid');
    return { path, message };
  });
}

/** `serveSpa`: send the web app's shell for every other GET, so the client router owns those paths. */
export function registerProblemHandlers(app: FastifyInstance, options: { serveSpa: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let body: Problem;
    if (error instanceof AppError) {
      body = problem(error.status, error.code, error.message, error.errors, error.extra);
    } else if (error.validation) {
      const errors = validationErrors(error);
      body = problem(400, 'VALIDATION', `Invalid request: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, errors);
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // The route's own limit (the EDI door takes 50 MB, the JSON routes 1 MB).
      body = problem(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${request.routeOptions.bodyLimit / (1024 * 1024)} MB.`);
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      body = problem(415, 'UNSUPPORTED_MEDIA_TYPE', `Unsupported content type: ${String(request.headers['content-type'])}`);
    } else if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      body = problem(400, 'VALIDATION', 'The request body is not valid JSON.', [{ path: 'body', message: 'is not valid JSON' }]);
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      body = problem(error.statusCode, error.code ?? 'BAD_REQUEST', error.message);
    } else {
      request.log.error({ err: error }, 'unhandled error');
      body = problem(500, 'INTERNAL', 'An unexpected error occurred; it has been logged.');
    }
    void reply.status(body.status).type('application/problem+json').send(body);
  });

  app.setNotFoundHandler((request, reply) => {
    // A client-side route (no file extension) gets the app's shell; a missing asset gets a 404, not the shell,
    // which the browser would try to run as JavaScript.
    const isAppRoute = !request.url.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(request.url.split('?')[0]);
    if (options.serveSpa && request.method === 'GET' && isAppRoute) return reply.sendFile('index.html');
    return reply.status(404).type('application/problem+json').send(problem(404, 'NOT_FOUND', `No route ${request.method} ${request.url}`));
  });
}
