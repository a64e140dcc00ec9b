import { createContext, use, useEffect, useRef, useSyncExternalStore } from 'react';

import type { LiveEvent } from '@/lib/api/types';

import type { RealtimeClient, RealtimeStatus } from './client';

export const RealtimeContext = createContext<RealtimeClient | null>(null);

export function useRealtime(): RealtimeClient {
  const client = use(RealtimeContext);
  if (!client) throw new Error('useRealtime needs a <RealtimeProvider>');
  return client;
}

/** Calls the latest `listener` for every event pushed by the server while mounted. */
export function useRealtimeEvent(listener: (event: LiveEvent) => void) {
  const client = useRealtime();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => client.onEvent((event) => latest.current(event)), [client]);
}

/** Calls the latest `listener` whenever the connection comes back after a drop. */
export function useRealtimeReconnect(listener: () => void) {
  const client = useRealtime();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => client.onReconnect(() => latest.current()), [client]);
}

export function useRealtimeStatus(): RealtimeStatus {
  const client = useRealtime();
  return useSyncExternalStore(
    (listener) => client.onStatus(listener),
    () => client.status,
    () => client.status,
  );
}
