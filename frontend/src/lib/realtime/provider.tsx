import { useEffect, useState, type ReactNode } from 'react';

import { RealtimeClient } from './client';
import { RealtimeContext } from './context';

type RealtimeProviderProps = { children: ReactNode; client?: RealtimeClient };

/** Holds the app's one WebSocket client, connected for as long as the app is mounted. */
export function RealtimeProvider({ children, client: given }: RealtimeProviderProps) {
  const [client] = useState(() => given ?? new RealtimeClient());
  useEffect(() => {
    client.start();
    return () => client.stop();
  }, [client]);
  return <RealtimeContext value={client}>{children}</RealtimeContext>;
}
