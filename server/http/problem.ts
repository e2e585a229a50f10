import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
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
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
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

/** What Node answers before Fastify sees a request: the parser's verdict on the bytes, in Node's own statuses. */
function clientProblem(code: string): Problem {
  if (code === 'HPE_HEADER_OVERFLOW') return problem(431, 'HEADERS_TOO_LARGE', 'The request line and headers are larger than the server accepts (16 KB).');
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW') return problem(413, 'PAYLOAD_TOO_LARGE', 'The chunk extensions are larger than the server accepts.');
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') return problem(408, 'REQUEST_TIMEOUT', 'The request did not arrive in time.');
  return problem(400, 'BAD_REQUEST', 'The request is not valid HTTP.');
}

/**
 * Fastify's server options for the answers given before any route or error handler runs: a malformed request
 * line, headers too large, a path that does not decode or a parameter too long. Problem+json like every other.
 */
export const problemServerOptions = {
  clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket) {
    // A reset connection has nobody left to answer.
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const body = clientProblem(error.code ?? '');
    this.log.debug({ err: error }, 'client error');
    const json = JSON.stringify(body);
    if (socket.writable) {
      socket.write(
        `HTTP/1.1 ${body.status} ${STATUS_CODES[body.status]}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
      );
    }
    socket.destroy(error);
  },
  frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    let body: Problem;
    if (error.code === 'FST_ERR_BAD_URL') body = problem(400, 'BAD_URL', 'The path does not decode (a malformed %-escape).');
    else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') body = problem(414, 'URI_TOO_LONG', 'A path parameter is longer than the server accepts.');
    else {
      request.log.error({ err: error }, 'framework error');
      body = problem(500, 'INTERNAL', 'An unexpected error occurred; it has been logged.');
    }
    void reply.status(body.status).type('application/problem+json').send(body);
  },
} satisfies Pick<FastifyServerOptions, 'clientErrorHandler' | 'frameworkErrors'>;
