import createClient, { type Middleware } from 'openapi-fetch';

import { session } from '@/lib/auth/session';

import type { paths } from './schema';

// Late-bound so that tests (and polyfills) can replace the global fetch after this module loads.
export const api = createClient<paths>({
  baseUrl: '',
  fetch: (request: Request) => globalThis.fetch(request),
});

const isAuthRoute = (schemaPath: string) => schemaPath.startsWith('/api/v1/auth/');

let refreshing: Promise<string | null> | null = null;

async function refreshOnce(failedAccessToken: string | null): Promise<string | null> {
  const stored = session.reload();
  if (!stored) return null;
  // Another tab (or a parallel request) already rotated the tokens: use the new access token.
  if (stored.access_token !== failedAccessToken) return stored.access_token;
  const { data, response } = await api.POST('/api/v1/auth/refresh', {
    body: { refresh_token: stored.refresh_token },
  });
  if (data) {
    session.set(data);
    return data.access_token;
  }
  if (response.status === 400 || response.status === 401 || response.status === 422) {
    session.clear();
  }
  return null;
}

async function refreshExclusively(failedAccessToken: string | null): Promise<string | null> {
  if (typeof navigator !== 'undefined' && navigator.locks) {
    return await navigator.locks.request('statkonsul-refresh', () => refreshOnce(failedAccessToken));
  }
  return refreshOnce(failedAccessToken);
}

/**
 * Renews the access token, once for all requests that failed with it. Tabs share the refresh
 * token, and the server ends the session when a rotated-away refresh token is reused, so tabs
 * take turns through a Web Lock where the browser has them.
 */
export function refreshAccessToken(failedAccessToken: string | null): Promise<string | null> {
  refreshing ??= refreshExclusively(failedAccessToken).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

const retryCopies = new Map<string, Request>();

const bearerAuth: Middleware = {
  onRequest({ request, schemaPath, id }) {
    if (isAuthRoute(schemaPath)) return undefined;
    const token = session.get()?.access_token;
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    // A body can be read only once: keep a copy in case the call must be repeated after a refresh.
    retryCopies.set(id, request.clone());
    return request;
  },
  async onResponse({ response, schemaPath, id, options }) {
    const copy = retryCopies.get(id);
    retryCopies.delete(id);
    if (response.status !== 401 || isAuthRoute(schemaPath) || !copy) return undefined;
    const sent = copy.headers.get('Authorization')?.replace(/^Bearer /, '') ?? null;
    if (!sent && !session.get()) return undefined;
    const token = await refreshAccessToken(sent);
    if (!token) return undefined;
    copy.headers.set('Authorization', `Bearer ${token}`);
    return options.fetch(copy);
  },
  onError({ id }) {
    retryCopies.delete(id);
  },
};

api.use(bearerAuth);
