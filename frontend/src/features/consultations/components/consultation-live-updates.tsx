import { useQueryClient } from '@tanstack/react-query';

import { useRealtimeEvent, useRealtimeReconnect } from '@/lib/realtime/context';

import { applyLiveEvent, catchUp } from '../utils/live-events';

/** Keeps every cached consultation, list and conversation up to date from the WebSocket. */
export function ConsultationLiveUpdates() {
  const queryClient = useQueryClient();
  useRealtimeEvent((event) => void applyLiveEvent(queryClient, event));
  useRealtimeReconnect(() => void catchUp(queryClient));
  return null;
}
