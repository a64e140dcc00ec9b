import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Message } from '@/lib/api/types';

import { consultationKeys } from './query-keys';

const PER_PAGE = 100;

/** The conversation oldest first, all pages of it; `after`: only the messages after that one. */
async function getMessages(id: string, after?: string): Promise<Message[]> {
  const messages: Message[] = [];
  for (let page = 1; ; page += 1) {
    const data = await unwrap(
      api.GET('/api/v1/consultations/{id}/messages', {
        params: { path: { id }, query: { after, page, per_page: PER_PAGE } },
      }),
    );
    messages.push(...data.items);
    if (data.items.length < PER_PAGE || messages.length >= data.total) return messages;
  }
}

/** What was written after the newest message the client has (to catch up after a reconnect). */
export function getMessagesAfter(id: string, after: string) {
  return getMessages(id, after);
}

export const messagesQueryOptions = (id: string) =>
  queryOptions({ queryKey: consultationKeys.messages(id), queryFn: () => getMessages(id) });

export function useMessages(id: string) {
  return useQuery(messagesQueryOptions(id));
}
