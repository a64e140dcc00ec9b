import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { flushSync } from 'react-dom';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';

import { AppProvider } from '@/app/provider';
import { createQueryClient } from '@/lib/react-query';

function testQueryClient() {
  const client = createQueryClient();
  client.setDefaultOptions({ queries: { retry: false, staleTime: Infinity }, mutations: { retry: false } });
  return client;
}

/** Renders a component inside the app's providers and a router at `route`. */
export function renderWithProviders(ui: ReactElement, { route = '/' }: { route?: string } = {}) {
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [route] });
  return { router, ...render(<AppProvider queryClient={testQueryClient()}><RouterProvider router={router} flushSync={(update) => void flushSync(update)} /></AppProvider>) };
}

/** Renders a route table (the app's own, usually) at `route`. */
export function renderRoutes(routes: RouteObject[], route: string) {
  const router = createMemoryRouter(routes, { initialEntries: [route] });
  return { router, ...render(<AppProvider queryClient={testQueryClient()}><RouterProvider router={router} flushSync={(update) => void flushSync(update)} /></AppProvider>) };
}
