import { useState } from 'react';
import { flushSync } from 'react-dom';
import { createBrowserRouter, RouterProvider } from 'react-router';

import { AppProvider } from './provider';
import { routes } from './router';

export function App() {
  const [router] = useState(() => createBrowserRouter(routes));
  return (
    <AppProvider>
      {/* flushSync lets `navigate(…, { flushSync: true })` commit before the next state change. */}
      <RouterProvider router={router} flushSync={(update) => void flushSync(update)} />
    </AppProvider>
  );
}
