import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';

import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';

import { ConsultationLiveUpdates } from '@/features/consultations/components/consultation-live-updates';
import { session } from '@/lib/auth/session';
import type { RealtimeClient } from '@/lib/realtime/client';
import { RealtimeProvider } from '@/lib/realtime/provider';
import { createQueryClient } from '@/lib/react-query';

import { cssVariablesResolver, theme } from './theme';

type AppProviderProps = { children: ReactNode; queryClient?: QueryClient; realtime?: RealtimeClient };

export function AppProvider({ children, queryClient: given, realtime }: AppProviderProps) {
  const [queryClient] = useState(() => given ?? createQueryClient());

  // When the session ends (logout here or in another tab, or a failed refresh), drop everything
  // cached on behalf of that user.
  useEffect(
    () =>
      session.subscribe(() => {
        if (!session.get()) queryClient.clear();
      }),
    [queryClient],
  );

  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver}>
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <RealtimeProvider client={realtime}>
          <ConsultationLiveUpdates />
          {children}
        </RealtimeProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
