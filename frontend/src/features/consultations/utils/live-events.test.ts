import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import type { ConsultationDetail, ConsultationPage, Message } from '@/lib/api/types';
import { json, mockApi } from '@/testing/mock-api';
import { activeConsultation, changeOf, message, officer, page, waitingConsultation } from '@/testing/fixtures';

import { consultationKeys } from '../api/query-keys';

import { applyLiveEvent, catchUp } from './live-events';

const id = waitingConsultation.id;
const listKey = consultationKeys.list({ page: 1, perPage: 20 });
const m1 = message({ id: '0192f0c4-0001-7000-8000-000000000001', body: 'Selamat siang' });
const m2 = message({ id: '0192f0c4-0002-7000-8000-000000000002', body: 'Datanya tersedia' });

function cacheWith({ messages }: { messages?: Message[] } = {}) {
  // Nothing is refetched unless a test asks: the cache alone shows what an event changed.
  const client = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  client.setQueryData(consultationKeys.detail(id), waitingConsultation);
  client.setQueryData(listKey, page([waitingConsultation]));
  if (messages) client.setQueryData(consultationKeys.messages(id), messages);
  return client;
}

describe('live events', () => {
  it('move a waiting consultation on in its detail and in every list as soon as they arrive', async () => {
    const client = cacheWith();

    await applyLiveEvent(client, {
      type: 'consultation.updated',
      consultation_id: id,
      data: {
        status: 'active',
        resolution: null,
        summary: null,
        assignee_id: officer.id,
        assignee: { id: officer.id, full_name: officer.full_name },
        queue_position: null,
        clarified_at: null,
        deadline_at: null,
        deadline_provisional: false,
        closed_at: null,
        overdue: false,
        to_index: false,
        updated_at: '2026-11-21T02:20:00Z',
      },
    });

    const detail = client.getQueryData<ConsultationDetail>(consultationKeys.detail(id));
    expect(detail?.status).toBe('active');
    expect(detail?.assignee).toEqual({ id: officer.id, full_name: officer.full_name });
    expect(detail?.queue_position).toBeNull();
    expect(detail?.follow_ups).toEqual([]);
    expect(client.getQueryData<ConsultationPage>(listKey)?.items[0]?.assignee?.full_name).toBe(officer.full_name);
    // Everything the page shows came with the event: the detail is not asked again…
    expect(client.getQueryState(consultationKeys.detail(id))?.isInvalidated).toBe(false);
    // …but which list holds it, and where, is the server's to say.
    expect(client.getQueryState(listKey)?.isInvalidated).toBe(true);
  });

  it('show a closing with its summary and time at once', async () => {
    const client = cacheWith();
    client.setQueryData(consultationKeys.detail(id), activeConsultation);

    await applyLiveEvent(client, {
      type: 'consultation.updated',
      consultation_id: id,
      data: {
        ...changeOf(activeConsultation),
        status: 'closed',
        resolution: 'answered',
        summary: 'Angka kemiskinan 2025 tersedia di tingkat kabupaten.',
        closed_at: '2026-11-21T03:00:00Z',
      },
    });

    const detail = client.getQueryData<ConsultationDetail>(consultationKeys.detail(id));
    expect(detail).toMatchObject({ status: 'closed', resolution: 'answered', closed_at: '2026-11-21T03:00:00Z' });
    expect(detail?.summary).toBe('Angka kemiskinan 2025 tersedia di tingkat kabupaten.');
    expect(client.getQueryState(consultationKeys.detail(id))?.isInvalidated).toBe(false);
  });

  it('fetch the detail again when an update changes nothing it carries: a follow-up or referral was added', async () => {
    const client = cacheWith();
    client.setQueryData(consultationKeys.detail(id), activeConsultation);

    await applyLiveEvent(client, { type: 'consultation.updated', consultation_id: id, data: changeOf(activeConsultation) });

    expect(client.getQueryState(consultationKeys.detail(id))?.isInvalidated).toBe(true);
  });

  it('tell a waiting user their new place when the queue moves, without fetching anything', async () => {
    const client = cacheWith();

    await applyLiveEvent(client, { type: 'queue.moved', consultation_id: id, data: { queue_position: 1 } });

    const detail = client.getQueryData<ConsultationDetail>(consultationKeys.detail(id));
    expect(detail?.queue_position).toBe(1);
    expect(detail?.subject).toBe(waitingConsultation.subject);
    expect(client.getQueryData<ConsultationPage>(listKey)?.items[0]?.queue_position).toBe(1);
    expect(client.getQueryState(consultationKeys.detail(id))?.isInvalidated).toBe(false);
    expect(client.getQueryState(listKey)?.isInvalidated).toBe(false);
  });

  it('leave the place of a consultation the cache no longer has waiting for the server to say', async () => {
    const client = cacheWith();
    client.setQueryData(consultationKeys.detail(id), activeConsultation);

    await applyLiveEvent(client, { type: 'queue.moved', consultation_id: id, data: { queue_position: 1 } });

    expect(client.getQueryData<ConsultationDetail>(consultationKeys.detail(id))?.queue_position).toBeNull();
    expect(client.getQueryState(consultationKeys.detail(id))?.isInvalidated).toBe(true);
  });

  it('add a new message to the open conversation once, in order', async () => {
    const client = cacheWith({ messages: [m2] });

    await applyLiveEvent(client, { type: 'message.created', consultation_id: id, data: m1 });
    await applyLiveEvent(client, { type: 'message.created', consultation_id: id, data: m1 });

    expect(client.getQueryData<Message[]>(consultationKeys.messages(id))?.map((m) => m.body)).toEqual([
      'Selamat siang',
      'Datanya tersedia',
    ]);
    // Unread counts live on the server: the lists are asked again.
    expect(client.getQueryState(listKey)?.isInvalidated).toBe(true);
  });

  it('leave other consultations alone', async () => {
    const client = cacheWith({ messages: [m1] });

    await applyLiveEvent(client, { type: 'consultation.updated', consultation_id: 'another', data: { ...changeOf(waitingConsultation), status: 'closed' } });
    await applyLiveEvent(client, { type: 'queue.moved', consultation_id: 'another', data: { queue_position: 1 } });
    await applyLiveEvent(client, { type: 'typing', consultation_id: id, data: { user_id: officer.id, role: 'officer' } });

    expect(client.getQueryData<ConsultationDetail>(consultationKeys.detail(id))).toEqual(waitingConsultation);
    expect(client.getQueryData<Message[]>(consultationKeys.messages(id))).toEqual([m1]);
  });

  it('catch up after a reconnection with the messages after the newest one held', async () => {
    const client = cacheWith({ messages: [m1] });
    client.setQueryData(consultationKeys.detail(id), activeConsultation);
    const { calls } = mockApi({
      [`GET /api/v1/consultations/${id}/messages`]: () => json(200, page([m2], 100)),
    });

    await catchUp(client);

    expect(calls[0]?.search).toContain(`after=${m1.id}`);
    expect(client.getQueryData<Message[]>(consultationKeys.messages(id))?.map((m) => m.id)).toEqual([m1.id, m2.id]);
    expect(client.getQueryState(consultationKeys.detail(id))?.isInvalidated).toBe(true);
  });
});
