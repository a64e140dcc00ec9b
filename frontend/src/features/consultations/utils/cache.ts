import type { QueryClient } from '@tanstack/react-query';

import type { Consultation, ConsultationDetail, ConsultationPage, Message } from '@/lib/api/types';

import { consultationKeys } from '../api/query-keys';

/**
 * The `data` of a `consultation.updated` event. After a change of state the server sends every
 * field below (the assignee with their name); when only the queue moved, just `status` and
 * `queue_position`.
 */
export type ConsultationUpdate = Partial<
  Pick<
    Consultation,
    | 'status'
    | 'resolution'
    | 'summary'
    | 'assignee'
    | 'queue_position'
    | 'clarified_at'
    | 'deadline_at'
    | 'closed_at'
    | 'overdue'
    | 'to_index'
    | 'updated_at'
  >
> & { assignee_id?: string | null };

const patchable = [
  'status',
  'resolution',
  'summary',
  'assignee',
  'queue_position',
  'clarified_at',
  'deadline_at',
  'closed_at',
  'overdue',
  'to_index',
  'updated_at',
] as const;

/** Whether the event is only the queue moving on (it then carries nothing but the position). */
export function isQueueMove(update: ConsultationUpdate): boolean {
  return Object.keys(update).every((key) => key === 'status' || key === 'queue_position');
}

/**
 * A consultation with an update applied. An event that names a new assignee by id only (from a
 * server that does not send the name) leaves the assignee for a refetch; a removed one is removed now.
 */
export function applyUpdate<T extends Consultation>(consultation: T, update: ConsultationUpdate): T {
  const next: T = { ...consultation };
  for (const field of patchable) {
    if (field in update) Object.assign(next, { [field]: update[field] });
  }
  if (!('assignee' in update) && update.assignee_id === null) next.assignee = null;
  return next;
}

/**
 * Whether the cached consultation needs fetching again after the update: when the update does not
 * say who the assignee is, or when it changes nothing it carries, for then it announces what it
 * cannot carry (a follow-up, a referral).
 */
export function needsRefetch(cached: Consultation, update: ConsultationUpdate): boolean {
  if ('assignee_id' in update && !('assignee' in update) && update.assignee_id !== (cached.assignee?.id ?? null)) return true;
  // The queue moving on says where it now stands, and nothing else.
  if (isQueueMove(update)) return false;
  const changed = patchable.some((field) => field in update && JSON.stringify(update[field] ?? null) !== JSON.stringify(cached[field] ?? null));
  return !changed;
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
