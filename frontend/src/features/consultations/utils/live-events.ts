import type { QueryClient } from '@tanstack/react-query';

import type { ConsultationDetail, Message } from '@/lib/api/types';
import type { RealtimeEvent } from '@/lib/realtime/events';

import { getMessagesAfter } from '../api/get-messages';
import { consultationKeys } from '../api/query-keys';

import { addMessages, applyUpdate, isQueueMove, needsRefetch, patchConsultation, type ConsultationUpdate } from './cache';

/**
 * Brings the cache up to date with one event from the server: what the event carries is shown
 * at once, and only what it cannot carry (counts, a list's members and order, follow-ups) is
 * fetched again.
 */
export async function applyLiveEvent(queryClient: QueryClient, event: RealtimeEvent) {
  const id = event.consultation_id;
  switch (event.type) {
    case 'message.created': {
      const message = event.data as Message;
      if (queryClient.getQueryData(consultationKeys.messages(id)) === undefined) {
        // Still loading (or never loaded): a fetch that started before this message would miss it.
        await queryClient.invalidateQueries({ queryKey: consultationKeys.messages(id) });
      } else {
        addMessages(queryClient, id, [message]);
      }
      await queryClient.invalidateQueries({ queryKey: consultationKeys.lists() });
      return;
    }
    case 'consultation.updated': {
      const update = event.data as ConsultationUpdate;
      const detailKey = consultationKeys.detail(id);
      const cached = queryClient.getQueryData<ConsultationDetail>(detailKey);
      const fetching = queryClient.getQueryState(detailKey)?.fetchStatus === 'fetching';
      patchConsultation(queryClient, id, (c) => applyUpdate(c, update));
      const refetches: Promise<void>[] = [];
      // A fetch under way may have read the consultation before the change: it is asked again.
      if (fetching || (cached && needsRefetch(cached, update))) {
        refetches.push(queryClient.invalidateQueries({ queryKey: detailKey }));
      }
      if (isQueueMove(update) && (!cached || cached.status === update.status)) {
        // Only the position changed, and it is patched in: lists keep their members and order.
        refetches.push(
          queryClient.invalidateQueries({ queryKey: consultationKeys.lists(), predicate: (q) => q.state.fetchStatus === 'fetching' }),
        );
      } else {
        // Status, deadlines and times decide which list shows it and where.
        refetches.push(queryClient.invalidateQueries({ queryKey: consultationKeys.lists() }));
      }
      await Promise.all(refetches);
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
