import type { QueryClient } from '@tanstack/react-query';

import { everyValueOf } from '@/lib/api/enums';
import type { Consultation, ConsultationChange, ConsultationDetail, ConsultationPage, Message } from '@/lib/api/types';

import { consultationKeys } from '../api/query-keys';

/**
 * What a `consultation.updated` event says about a consultation: every field it carries but
 * `assignee_id` (the assignee comes with their name). A field added to the spec must be listed here.
 */
const carried = everyValueOf<Exclude<keyof ConsultationChange, 'assignee_id'>>()([
  'status',
  'resolution',
  'summary',
  'assignee',
  'queue_position',
  'clarified_at',
  'deadline_at',
  'deadline_provisional',
  'closed_at',
  'overdue',
  'to_index',
  'updated_at',
]);

/** A consultation as a `consultation.updated` event leaves it: the event carries its whole state. */
export function applyChange<T extends Consultation>(consultation: T, change: ConsultationChange): T {
  const next: T = { ...consultation };
  for (const field of carried) Object.assign(next, { [field]: change[field] ?? null });
  return next;
}

/**
 * Whether the cached consultation needs fetching again after the change: when the change alters
 * nothing it carries, it announces what it cannot carry (a follow-up, a referral).
 */
export function needsRefetch(cached: Consultation, change: ConsultationChange): boolean {
  return carried.every((field) => JSON.stringify(change[field] ?? null) === JSON.stringify(cached[field] ?? null));
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
