/** The one error type of Collectdesk. Codes are a closed list; each maps to one HTTP status. */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_TOKEN_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  ORGANISATION_NOT_FOUND: 404,
  DEBTOR_NOT_FOUND: 404,
  INVOICE_NOT_FOUND: 404,
  CONTACT_NOT_FOUND: 404,
  PAYMENT_NOT_FOUND: 404,
  DISPUTE_NOT_FOUND: 404,
  API_TOKEN_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  DUPLICATE: 409,
  /** The same Idempotency-Key was sent earlier with a different request. */
  IDEMPOTENCY_KEY_REUSED: 409,
  /** The object's state does not allow this (e.g. disputing a paid invoice). */
  INVALID_STATE: 409,
  UNSUPPORTED_FILE: 415,
  PAYLOAD_TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL_ERROR: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldIssue = { field: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly FieldIssue[];

  constructor(code: ErrorCode, message: string, issues: readonly FieldIssue[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function assertNever(value: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(value)}`);
}
