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
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldError = { path: string; message: string };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors: FieldError[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string, id: unknown) => new AppError('NOT_FOUND', `${what} ${String(id)} not found`);
export const invalid = (path: string, message: string) => new AppError('VALIDATION', message, [{ path, message }]);
