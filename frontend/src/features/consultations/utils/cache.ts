import type { QueryClient } from '@tanstack/react-query';

import type { Consultation, ConsultationDetail, ConsultationPage, Message } from '@/lib/api/types';

import { consultationKeys } from '../api/query-keys';

/**
 * The `data` of a `consultation.updated` event: the server sends the fields that changed
 * (all of them after a state change; only `status` and `queue_position` when the queue moved).
 */
export type ConsultationUpdate = Partial<
  Pick<Consultation, 'status' | 'resolution' | 'queue_position' | 'deadline_at' | 'overdue' | 'to_index' | 'updated_at'>
> & { assignee_id?: string | null };

const patchable = ['status', 'resolution', 'queue_position', 'deadline_at', 'overdue', 'to_index', 'updated_at'] as const;

/**
 * A consultation with an update applied. The event names the assignee only by id, so a new
 * assignee is left for the refetch that follows to fill in; a removed one is removed now.
 */
export function applyUpdate<T extends Consultation>(consultation: T, update: ConsultationUpdate): T {
  const next: T = { ...consultation };
  for (const field of patchable) {
    if (field in update) Object.assign(next, { [field]: update[field] });
  }
  if ('assignee_id' in update && update.assignee_id === null) next.assignee = null;
  return next;
}

/** A page of a list with one consultation updated (the page itself when it is not on it). */
export function patchPage(page: ConsultationPage, id: string, patch: (c: Consultation) => Consultation): ConsultationPage {
  if (!page.items.some((c) => c.id === id)) return page;
  return { ...page, items: page.items.map((c) => (c.id === id ? patch(c) : c)) };
}

/** Messages with new ones merged in: once each, in the server's order (ids grow with time). */
export function mergeMessages(messages: readonly Message[], incoming: readonly Message[]): Message[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  for (const m of incoming) byId.set(m.id, m);
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Applies a change to the consultation wherever it is cached: its detail and every list page. */
export function patchConsultation(queryClient: QueryClient, id: string, patch: (c: Consultation) => Consultation) {
  queryClient.setQueryData<ConsultationDetail>(consultationKeys.detail(id), (detail) =>
    detail ? { ...detail, ...patch(detail) } : detail,
  );
  queryClient.setQueriesData<ConsultationPage>({ queryKey: consultationKeys.lists() }, (page) =>
    page ? patchPage(page, id, patch) : page,
  );
}

/** Stores the consultation an action answered with, and has the lists fetched again. */
export async function storeConsultation(queryClient: QueryClient, view: Consultation) {
  patchConsultation(queryClient, view.id, (c) => ({ ...c, ...view }));
  await queryClient.invalidateQueries({ queryKey: consultationKeys.lists() });
}

/** Adds messages to a conversation that is cached; one that is not yet loaded gets them on loading. */
export function addMessages(queryClient: QueryClient, consultationId: string, incoming: readonly Message[]) {
  queryClient.setQueryData<Message[]>(consultationKeys.messages(consultationId), (messages) =>
    messages ? mergeMessages(messages, incoming) : messages,
  );
}
