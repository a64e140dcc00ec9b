import { useEffect, useRef, useSyncExternalStore } from 'react';

import type { Message } from '@/lib/api/types';

import { useMarkRead } from '../api/mark-read';

function subscribeVisibility(listener: () => void) {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

const isVisible = () => document.visibilityState !== 'hidden';

/**
 * Tells the server the viewer has read the conversation up to its newest message whenever the
 * page shows a message from someone else that has not been marked read yet.
 */
export function useMarkConversationRead(consultationId: string, messages: Message[] | undefined, viewerId: string, unread: number) {
  const markRead = useMarkRead();
  const marked = useRef<string | null>(null);
  const visible = useSyncExternalStore(subscribeVisibility, isVisible, () => true);
  const { mutate } = markRead;

  useEffect(() => {
    if (!visible || !messages || messages.length === 0) return;
    const newest = messages.at(-1);
    if (!newest || newest.id === marked.current) return;
    const newFromOthers = newest.sender_id !== viewerId || unread > 0;
    if (!newFromOthers) return;
    marked.current = newest.id;
    mutate({ consultationId, messageId: newest.id });
  }, [visible, messages, viewerId, unread, consultationId, mutate]);
}
