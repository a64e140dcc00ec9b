import { describe, expect, it } from 'vitest';

import { session } from '@/lib/auth/session';
import { json, mockApi, problem } from '@/testing/mock-api';
import { publicUser } from '@/testing/fixtures';

import { api } from './client';

const tokens = (n: number) => ({
  access_token: `access-${n}`,
  refresh_token: `refresh-${n}`,
  token_type: 'Bearer',
  expires_in: 900,
});

describe('the API client', () => {
  it('sends the access token as a bearer token', async () => {
    session.set(tokens(1));
    const { calls } = mockApi({ 'GET /api/v1/me': () => json(200, publicUser) });

    const { data } = await api.GET('/api/v1/me');

    expect(data?.email).toBe(publicUser.email);
    expect(calls[0]?.authorization).toBe('Bearer access-1');
  });

  it('refreshes once on a 401 and repeats the request, body included, with the new token', async () => {
    session.set(tokens(1));
    const { calls } = mockApi({
      'PATCH /api/v1/me': (request) =>
        request.headers.get('Authorization') === 'Bearer access-2'
          ? json(200, { ...publicUser, full_name: 'Siti Rahmawati' })
          : problem(401, 'invalid_access_token'),
      'POST /api/v1/auth/refresh': () => json(200, tokens(2)),
    });

    const { data } = await api.PATCH('/api/v1/me', { body: { full_name: 'Siti Rahmawati' } });

    expect(data?.full_name).toBe('Siti Rahmawati');
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      'PATCH /api/v1/me',
      'POST /api/v1/auth/refresh',
      'PATCH /api/v1/me',
    ]);
    expect(calls[1]?.body).toEqual({ refresh_token: 'refresh-1' });
    expect(calls[2]?.body).toEqual({ full_name: 'Siti Rahmawati' });
    expect(session.get()).toEqual({ access_token: 'access-2', refresh_token: 'refresh-2' });
  });

  it('shares one refresh between requests that fail together', async () => {
    session.set(tokens(1));
    const { calls } = mockApi({
      'GET /api/v1/me': (request) =>
        request.headers.get('Authorization') === 'Bearer access-2'
          ? json(200, publicUser)
          : problem(401, 'invalid_access_token'),
      'POST /api/v1/auth/refresh': () => json(200, tokens(2)),
    });

    const results = await Promise.all([api.GET('/api/v1/me'), api.GET('/api/v1/me')]);

    expect(results.every((r) => r.data?.email === publicUser.email)).toBe(true);
    expect(calls.filter((c) => c.path === '/api/v1/auth/refresh')).toHaveLength(1);
  });

  it('logs out when the refresh token is refused', async () => {
    session.set(tokens(1));
    mockApi({
      'GET /api/v1/me': () => problem(401, 'invalid_access_token'),
      'POST /api/v1/auth/refresh': () => problem(401, 'invalid_refresh_token'),
    });

    const { response } = await api.GET('/api/v1/me');

    expect(response.status).toBe(401);
    expect(session.get()).toBeNull();
  });

  it('never refreshes for the auth routes themselves', async () => {
    session.set(tokens(1));
    const { calls } = mockApi({ 'POST /api/v1/auth/login': () => problem(401, 'invalid_credentials') });

    const { error } = await api.POST('/api/v1/auth/login', { body: { email: 'a@b.id', password: 'x' } });

    expect(error?.code).toBe('invalid_credentials');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.authorization).toBeNull();
    expect(session.get()).not.toBeNull();
  });
});
