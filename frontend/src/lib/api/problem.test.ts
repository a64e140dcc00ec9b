import { describe, expect, it } from 'vitest';

import { ApiError, isApiError, isProblem, toApiError, unwrap } from './problem';

const validation = {
  type: 'urn:statkonsul:problem:validation_failed',
  title: 'The request has invalid fields',
  status: 422,
  detail: 'Check the fields listed in `errors`.',
  code: 'validation_failed',
  errors: { password: ['must be at least 10 characters', 'is too common'], email: [] },
};

describe('the problem+json helper', () => {
  it('recognises a problem body by its code, status and title', () => {
    expect(isProblem(validation)).toBe(true);
    expect(isProblem({ message: 'nope' })).toBe(false);
    expect(isProblem('<html>Bad Gateway</html>')).toBe(false);
    expect(isProblem(null)).toBe(false);
  });

  it('keeps status, code and field errors, joining several messages of one field', () => {
    const error = toApiError(validation, new Response(null, { status: 422 }));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.status).toBe(422);
    expect(error.code).toBe('validation_failed');
    expect(error.message).toBe('Check the fields listed in `errors`.');
    expect(error.fieldErrors).toEqual({ password: 'must be at least 10 characters is too common' });
  });

  it('names a non-problem failure by its HTTP status', () => {
    const error = toApiError('<html>Bad Gateway</html>', new Response(null, { status: 502 }));
    expect(error.code).toBe('http_502');
    expect(error.problem).toBeNull();
    expect(error.fieldErrors).toEqual({});
  });

  it('reads Retry-After in seconds', () => {
    const error = toApiError(
      { ...validation, status: 429, code: 'too_many_attempts', errors: undefined },
      new Response(null, { status: 429, headers: { 'Retry-After': '120' } }),
    );
    expect(error.retryAfterSeconds).toBe(120);
    expect(isApiError(error, 'too_many_attempts')).toBe(true);
    expect(isApiError(error, 'email_taken')).toBe(false);
  });

  it('unwraps data of a success and throws an ApiError for a failure', async () => {
    const ok = new Response('{}', { status: 200 });
    await expect(unwrap(Promise.resolve({ data: { a: 1 }, response: ok }))).resolves.toEqual({ a: 1 });

    const conflict = new Response(null, { status: 409 });
    const failed = unwrap(
      Promise.resolve({ error: { ...validation, status: 409, code: 'email_taken' }, response: conflict }),
    );
    await expect(failed).rejects.toMatchObject({ status: 409, code: 'email_taken' });
  });
});
