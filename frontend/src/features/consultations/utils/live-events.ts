import type { QueryClient } from '@tanstack/react-query';

import type { ConsultationDetail, LiveEvent, Message } from '@/lib/api/types';

import { getMessagesAfter } from '../api/get-messages';
import { consultationKeys } from '../api/query-keys';

import { addMessages, applyChange, needsRefetch, patchConsultation } from './cache';

/**
 * Brings the cache up to date with one event from the server: what the event carries is shown
 * at once, and only what it cannot carry (counts, a list's members and order, follow-ups) is
 * fetched again.
 */
export async function applyLiveEvent(queryClient: QueryClient, event: LiveEvent) {
  switch (event.type) {
    case 'message.created': {
      const id = event.consultation_id;
      if (queryClient.getQueryData(consultationKeys.messages(id)) === undefined) {
        // Still loading (or never loaded): a fetch that started before this message would miss it.
        await queryClient.invalidateQueries({ queryKey: consultationKeys.messages(id) });
      } else {
        addMessages(queryClient, id, [event.data]);
      }
      await queryClient.invalidateQueries({ queryKey: consultationKeys.lists() });
      return;
    }
    case 'consultation.updated': {
      const id = event.consultation_id;
      const detailKey = consultationKeys.detail(id);
      const cached = queryClient.getQueryData<ConsultationDetail>(detailKey);
      const fetching = queryClient.getQueryState(detailKey)?.fetchStatus === 'fetching';
      patchConsultation(queryClient, id, (c) => applyChange(c, event.data));
      await Promise.all([
        // A fetch under way may have read the consultation before the change: it is asked again.
        fetching || (cached && needsRefetch(cached, event.data)) ? queryClient.invalidateQueries({ queryKey: detailKey }) : null,
        // Status, deadlines and times decide which list shows it and where.
        queryClient.invalidateQueries({ queryKey: consultationKeys.lists() }),
      ]);
      return;
    }
    case 'queue.moved': {
      const id = event.consultation_id;
      const { queue_position } = event.data;
      const detailKey = consultationKeys.detail(id);
      const cached = queryClient.getQueryData<ConsultationDetail>(detailKey);
      const fetching = queryClient.getQueryState(detailKey)?.fetchStatus === 'fetching';
      patchConsultation(queryClient, id, (c) => (c.status === 'waiting' ? { ...c, queue_position } : c));
      await Promise.all([
        // A fetch under way may have read the old place; a cache that has it no longer waiting is behind.
        fetching || (cached && cached.status !== 'waiting') ? queryClient.invalidateQueries({ queryKey: detailKey }) : null,
        // Only the place changed, and it is patched in: lists keep their members and order.
        queryClient.invalidateQueries({ queryKey: consultationKeys.lists(), predicate: (q) => q.state.fetchStatus === 'fetching' }),
      ]);
      return;
    }
    default:
      return;
  }
}

/**
 * After the connection came back: fetch the messages written meanwhile into every cached
 * conversation (`?after=` its newest), and everything else about consultations again.
 */
export async function catchUp(queryClient: QueryClient) {
  const conversations = queryClient.getQueriesData<Message[]>({ queryKey: consultationKeys.allMessages() });
  await Promise.all(
    conversations.map(async ([key, messages]) => {
      const id = key[2];
      if (typeof id !== 'string' || !messages) return;
      const newest = messages.at(-1);
      if (!newest) {
        await queryClient.invalidateQueries({ queryKey: consultationKeys.messages(id) });
        return;
      }
      addMessages(queryClient, id, await getMessagesAfter(id, newest.id));
    }),
  );
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: consultationKeys.details() }),
    queryClient.invalidateQueries({ queryKey: consultationKeys.lists() }),
  ]);
}
