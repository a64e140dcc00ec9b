import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';

import { AppProvider } from '@/app/provider';
import { RealtimeClient } from '@/lib/realtime/client';
import { createQueryClient } from '@/lib/react-query';

import { fakeSockets } from './fake-socket';

function testQueryClient() {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } });
  return client;
}

/** The app's providers with a quiet query client and fake WebSockets that tests drive by hand. */
function renderInApp(router: ReturnType<typeof createMemoryRouter>) {
  const sockets = fakeSockets();
  const queryClient = testQueryClient();
  const realtime = new RealtimeClient({ createSocket: sockets.create, ticket: (token) => Promise.resolve(`ticket-for-${token}`) });
  const view = render(
    <AppProvider queryClient={queryClient} realtime={realtime}>
      <RouterProvider router={router} flushSync={(update) => void flushSync(update)} />
    </AppProvider>,
  );
  return { router, sockets, queryClient, realtime, ...view };
}

/** Renders a component inside the app's providers and a router at `route`. */
export function renderWithProviders(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  return renderInApp(createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [route] }));
}

/** Renders a route table (the app's own, usually) at `route`. */
export function renderRoutes(routes: RouteObject[], route: string) {
  return renderInApp(createMemoryRouter(routes, { initialEntries: [route] }));
}
