/** Stable error codes; the HTTP layer maps them to status codes in one place. */
export type ErrorCode =
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'MALFORMED_RECORD'
  | 'UNSUPPORTED_FORMAT'
  | 'INDEX_UNAVAILABLE'
  | 'KNOWLEDGE_BASE_INVALID'
  | 'CONFIG_INVALID'
  | 'VERIFICATION_FAILED'
  | 'SOURCE_UNAVAILABLE'
  | 'CONFLICT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED';

/** The one base class of every error Vesalius throws on purpose. */
export class VesaliusError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { retryable?: boolean; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'VesaliusError';
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details ?? {};
  }
}

export function isVesaliusError(value: unknown): value is VesaliusError {
  return value instanceof VesaliusError;
}
