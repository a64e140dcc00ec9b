import { enumValues } from './limits.gen';
import type { ErrorCode, Problem } from './types';

/** Field name → the server's messages for it, joined for display next to the field. */
export type FieldErrors = Record<string, string>;

/** A failed API call: the HTTP status and, when the server sent one, its problem+json body. */
export class ApiError extends Error {
  readonly status: number;
  /** The problem's code, or `http_<status>` for a failure without a problem body (a proxy's 502). */
  readonly code: ErrorCode | `http_${number}`;
  readonly problem: Problem | null;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, problem: Problem | null, retryAfterSeconds: number | null = null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code ?? `http_${status}`;
    this.problem = problem;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  get fieldErrors(): FieldErrors {
    const out: FieldErrors = {};
    for (const [field, messages] of Object.entries(this.problem?.errors ?? {})) {
      if (messages.length > 0) out[field] = messages.join(' ');
    }
    return out;
  }
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.status === 'number' && typeof v.title === 'string';
}

export function toApiError(body: unknown, response: Response): ApiError {
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  return new ApiError(
    response.status,
    isProblem(body) ? body : null,
    Number.isFinite(retryAfter) ? retryAfter : null,
  );
}

/** Whether the API names the code (a newer server may answer with one this app does not know). */
export function isErrorCode(code: unknown): code is ErrorCode {
  return enumValues.ErrorCode.some((known) => known === code);
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type FetchResult<T> = { data?: T; error?: unknown; response: Response };

/** The body of a successful call, or an `ApiError` thrown for any non-2xx answer. */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw toApiError(error, response);
  return data as T;
}
