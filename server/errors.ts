import type { ErrorParams, FieldCode, FieldError, ProblemCode } from '../core/shared/error-codes.ts';

/** Every failure that is not an expected business outcome is one AppError with a code from this list. */
export const ERROR_STATUS = {
  VALIDATION: 400,
  /** The request line names no path of ours (an absolute URL, `*`…): refused before any route runs. */
  BAD_REQUEST_TARGET: 400,
  UNAUTHENTICATED: 401,
  CSRF: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** The order's status does not allow the requested transition. */
  INVALID_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNPROCESSABLE: 422,
  RATE_LIMITED: 429,
  SHUTTING_DOWN: 503,
} as const;

/** The codes and their params are listed in core/shared/error-codes.ts, which the web reads to translate them. */
export type ErrorCode = keyof typeof ERROR_STATUS & ProblemCode;
export type { FieldError };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
    readonly params: ErrorParams = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

/** `what` is the record's English name as the detail says it ("Order", "Price list"); the param is its kebab-case. */
export const notFound = (what: string, id: string | number) =>
  new AppError('NOT_FOUND', `${what} ${String(id)} not found`, [], {}, { entity: what.toLowerCase().replace(/[^a-z]+/g, '-'), id });
export const invalid = (path: string, code: FieldCode, params: ErrorParams, message: string) =>
  new AppError('VALIDATION', message, [{ path, code, params, message }]);
