import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import type { ErrorParams, FieldError, ProblemCode } from '../../core/shared/error-codes.ts';
import { AppError } from '../errors.ts';

/** RFC 9457 problem details; `errors[]` names each field by its JSON path. */
export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ProblemCode;
  params: ErrorParams;
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

export function problem(
  status: number,
  code: ProblemCode,
  detail: string,
  errors?: FieldError[],
  extra: Record<string, unknown> = {},
  params: ErrorParams = {},
): Problem {
  return {
    type: `https://carnet.example/problems/${code.toLowerCase().replace(/_/g, '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    params,
    ...(errors && errors.length > 0 ? { errors } : {}),
    ...extra,
  };
}

type AjvError = NonNullable<FastifyError['validation']>[number];

/** What ajv's keyword and params say, as a stable code and its params (core/shared/error-codes.ts). */
function fieldCode(v: AjvError): Pick<FieldError, 'code' | 'params'> {
  const p = v.params;
  switch (v.keyword) {
    case 'required':
      return { code: 'required', params: {} };
    case 'additionalProperties':
      return { code: 'unknown-property', params: { property: String(p.additionalProperty) } };
    case 'minLength':
      // An empty text where one is needed reads, to a person, as a missing value.
      return p.limit === 1 ? { code: 'required', params: {} } : { code: 'too-short', params: { limit: Number(p.limit) } };
    case 'maxLength':
      return { code: 'too-long', params: { limit: Number(p.limit) } };
    case 'minItems':
      return { code: 'too-few', params: { limit: Number(p.limit) } };
    case 'maxItems':
      return { code: 'too-many', params: { limit: Number(p.limit) } };
    case 'uniqueItems':
      return { code: 'duplicate', params: {} };
    case 'pattern':
    case 'format':
      return { code: 'pattern', params: {} };
    case 'type':
      return { code: 'type', params: { type: String(p.type) } };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { code: 'out-of-range', params: { comparison: String(p.comparison), limit: Number(p.limit) } };
    case 'enum':
      return { code: 'choice', params: { allowed: (p.allowedValues as unknown[]).map(String).join(', ') } };
    case 'const':
      return { code: 'choice', params: { allowed: String(p.allowedValue) } };
    default:
      return { code: 'rule', params: {} };
  }
}

/**
 * Ajv paths look like "/lines/0/quantity"; a missing property is reported on its parent, so add its name. A union
 * of literals fails once per literal and once more as `anyOf`: told as one `choice` listing the allowed values;
 * a nullable field's "must be null" and its `anyOf` say nothing its own type error does not.
 */
function validationErrors(error: FastifyError): FieldError[] {
  const context = (error as { validationContext?: string }).validationContext ?? 'body';
  const all = error.validation ?? [];
  const unions = new Set(all.filter((v) => v.keyword === 'anyOf').map((v) => v.instancePath));
  const out: FieldError[] = [];
  for (const v of all) {
    const inUnion = unions.has(v.instancePath);
    if (inUnion && (v.keyword === 'const' || (v.keyword === 'type' && (v.params as { type?: string }).type === 'null'))) continue;
    const siblings = all.filter((o) => o.instancePath === v.instancePath && o !== v);
    let coded = fieldCode(v);
    if (v.keyword === 'anyOf') {
      const allowed = siblings
        .filter((o) => o.keyword === 'const')
        .map((o) => String((o.params as { allowedValue: unknown }).allowedValue));
      if (!allowed.length) continue;
      coded = { code: 'choice', params: { allowed: allowed.join(', ') } };
    }
    const missing = (v.params as { missingProperty?: string }).missingProperty;
    const extra = (v.params as { additionalProperty?: string }).additionalProperty;
    const base = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
    const leaf = missing ?? extra;
    const path = [context, base, leaf].filter(Boolean).join('.');
    const message = extra
      ? `unknown property "${extra}"`
      : coded.code === 'choice'
        ? `must be one of: ${String(coded.params.allowed)}`
        : (v.message ?? 'is invalid');
    out.push({ path, ...coded, message });
  }
  return out;
}

/** `serveSpa`: send the web app's shell for every other GET, so the client router owns those paths. */
export function registerProblemHandlers(app: FastifyInstance, options: { serveSpa: boolean }): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let body: Problem;
    if (error instanceof AppError) {
      body = problem(error.status, error.code, error.message, error.errors, error.extra, error.params);
    } else if (error.validation) {
      const errors = validationErrors(error);
      body = problem(400, 'VALIDATION', `Invalid request: ${errors.map((e) => `${e.path} ${e.message}`).join('; ')}`, errors);
    } else if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      // The route's own limit (the EDI door takes 50 MB, the JSON routes 1 MB).
      body = problem(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${request.routeOptions.bodyLimit / (1024 * 1024)} MB.`);
    } else if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      body = problem(415, 'UNSUPPORTED_MEDIA_TYPE', `Unsupported content type: ${String(request.headers['content-type'])}`);
    } else if (
      error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
      error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      error instanceof SyntaxError
    ) {
      body = problem(400, 'VALIDATION', 'The request body is not valid JSON.', [
        { path: 'body', code: 'not-json', params: {}, message: 'is not valid JSON' },
      ]);
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      // Fastify's own 4xx (FST_ERR_…) are told by their status: their codes are Fastify's, not ours.
      body = problem(error.statusCode, 'BAD_REQUEST', error.message, undefined, { fastifyCode: error.code });
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
    return reply
      .status(404)
      .type('application/problem+json')
      .send(
        problem(
          404,
          'NOT_FOUND',
          `No route ${request.method} ${request.url}`,
          undefined,
          {},
          { entity: 'route', id: `${request.method} ${request.url}` },
        ),
      );
  });
}

/** What Node answers before Fastify sees a request: the parser's verdict on the bytes, in Node's own statuses. */
function clientProblem(code: string): Problem {
  if (code === 'HPE_HEADER_OVERFLOW')
    return problem(431, 'HEADERS_TOO_LARGE', 'The request line and headers are larger than the server accepts (16 KB).');
  if (code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW')
    return problem(413, 'PAYLOAD_TOO_LARGE', 'The chunk extensions are larger than the server accepts.');
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
    else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH')
      body = problem(414, 'URI_TOO_LONG', 'A path parameter is longer than the server accepts.');
    else {
      request.log.error({ err: error }, 'framework error');
      body = problem(500, 'INTERNAL', 'An unexpected error occurred; it has been logged.');
    }
    void reply.status(body.status).type('application/problem+json').send(body);
  },
} satisfies Pick<FastifyServerOptions, 'clientErrorHandler' | 'frameworkErrors'>;
