import { vi } from 'vitest';

type Handler = (request: Request) => Response | Promise<Response>;

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

export function problem(status: number, code: string, errors?: Record<string, string[]>, headers: Record<string, string> = {}) {
  return new Response(
    JSON.stringify({
      type: `urn:statkonsul:problem:${code}`,
      title: `title of ${code}`,
      status,
      code,
      ...(errors ? { errors } : {}),
    }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...headers } },
  );
}

export type RecordedCall = { method: string; path: string; search: string; authorization: string | null; body: unknown };

/**
 * Replaces fetch with handlers keyed by "METHOD /path"; unknown routes answer 404. Every call is
 * recorded with its parsed JSON body, so tests can assert what the app really sent.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const calls: RecordedCall[] = [];
  const fetchMock = vi.fn(async (input: Request) => {
    const url = new URL(input.url);
    const text = await input.clone().text();
    calls.push({
      method: input.method,
      path: url.pathname,
      search: url.search,
      authorization: input.headers.get('Authorization'),
      body: text ? (JSON.parse(text) as unknown) : undefined,
    });
    const handler = handlers[`${input.method} ${url.pathname}`];
    return handler ? handler(input) : problem(404, 'not_found');
  });
  vi.stubGlobal('fetch', fetchMock);
  return { calls, fetchMock };
}
