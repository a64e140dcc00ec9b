import { useCallback, useEffect, useRef, useState } from 'react';

import type { Role } from '@/lib/api/types';
import { useRealtime, useRealtimeEvent } from '@/lib/realtime/context';

/** The server relays `typing` as often as it is sent: once per this interval is enough. */
const SEND_EVERY_MS = 3_000;
/** How long the indicator stays after the last `typing` event. */
const SHOW_FOR_MS = 5_000;

type Typist = { userId: string; role: Role };

/** Who else is typing in the conversation, if anyone (the server never echoes one's own). */
export function useTypingIndicator(consultationId: string): Typist | null {
  const [typist, setTypist] = useState<Typist | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useRealtimeEvent((event) => {
    if (event.type === 'typing' && event.consultation_id === consultationId) {
      setTypist({ userId: event.data.user_id, role: event.data.role });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => setTypist(null), SHOW_FOR_MS);
    } else if (event.type === 'message.created' && event.consultation_id === consultationId) {
      const sender = event.data.sender_id;
      setTypist((current) => (current?.userId === sender ? null : current));
    }
  });

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return typist;
}

/** A function to call on every keystroke; it tells the others at most every few seconds. */
export function useSendTyping(consultationId: string) {
  const realtime = useRealtime();
  const lastSent = useRef(0);
  return useCallback(() => {
    const now = Date.now();
    if (now - lastSent.current < SEND_EVERY_MS) return;
    if (realtime.send({ type: 'typing', consultation_id: consultationId })) lastSent.current = now;
  }, [realtime, consultationId]);
}
