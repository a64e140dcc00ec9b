import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { ConsultationDetail } from '@/lib/api/types';
import { session } from '@/lib/auth/session';
import { userOnFakeClock } from '@/testing/fake-clock';
import { json, mockApi, problem } from '@/testing/mock-api';
import { activeConsultation, changeOf, message, officer, page, publicUser, units, waitingConsultation } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

import { ConversationView } from './conversation-view';

const id = waitingConsultation.id;
const unitsByCode = new Map(units.map((u) => [u.code, u]));
const back = { to: '/consultations', label: 'Konsultasi saya' };
const greeting = message({ id: '0192f0c4-0001-7000-8000-000000000001', body: 'Selamat siang, Bu Siti.' });

/** The API as the view sees it; `state.detail` is what the next GET answers. */
function serve(initial: ConsultationDetail) {
  const state = { detail: initial };
  const api = mockApi({
    [`GET /api/v1/consultations/${id}`]: () => json(200, state.detail),
    [`GET /api/v1/consultations/${id}/messages`]: () => json(200, page([], 100)),
    [`POST /api/v1/consultations/${id}/read`]: () => new Response(null, { status: 204 }),
    [`POST /api/v1/consultations/${id}/messages`]: async (request) =>
      json(201, message({ id: '0192f0c4-0002-7000-8000-000000000002', body: ((await request.json()) as { body: string }).body, sender_id: publicUser.id, sender_role: 'public', sender_name: publicUser.full_name })),
  });
  return { state, ...api };
}

function online(sockets: ReturnType<typeof renderWithProviders>['sockets']) {
  const socket = sockets.latest();
  if (!socket) throw new Error('no WebSocket was opened');
  act(() => socket.open());
  return socket;
}

describe('the conversation of a member of the public', () => {
  it('follows the queue and the officer live, with typing and new messages, and marks them read', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    const { state, calls } = serve(waitingConsultation);
    const { sockets } = renderWithProviders(<ConversationView consultationId={id} viewer={publicUser} units={unitsByCode} back={back} />);
    const summary = await screen.findByRole('region', { name: waitingConsultation.subject });
    expect(within(summary).getByText('Menunggu')).toBeInTheDocument();
    expect(within(summary).getByText('Antrean ke-2')).toBeInTheDocument();
    await waitFor(() => expect(sockets.made).toHaveLength(1));
    const socket = online(sockets);
    expect(socket.url).toMatch(/\/api\/v1\/ws\?ticket=ticket-for-a$/);
    expect(await screen.findByText('Pembaruan langsung aktif')).toBeInTheDocument();

    state.detail = { ...waitingConsultation, queue_position: 1 };
    act(() => socket.push({ type: 'queue.moved', consultation_id: id, data: { queue_position: 1 } }));
    expect(await within(summary).findByText('Antrean ke-1')).toBeInTheDocument();

    state.detail = activeConsultation;
    act(() => socket.push({ type: 'consultation.updated', consultation_id: id, data: changeOf(activeConsultation) }));
    expect(await within(summary).findByText('Aktif')).toBeInTheDocument();
    expect(await within(summary).findByText('Petugas PST 3304')).toBeInTheDocument();
    expect(within(summary).queryByText(/Antrean ke-/)).not.toBeInTheDocument();

    act(() => socket.push({ type: 'typing', consultation_id: id, data: { user_id: officer.id, role: 'officer' } }));
    expect(await screen.findByText('Petugas sedang mengetik…')).toBeInTheDocument();

    act(() => socket.push({ type: 'message.created', consultation_id: id, data: greeting }));
    expect(await within(screen.getByRole('log')).findByText('Selamat siang, Bu Siti.')).toBeInTheDocument();
    expect(screen.queryByText('Petugas sedang mengetik…')).not.toBeInTheDocument();
    await waitFor(() => expect(calls.find((c) => c.path.endsWith('/read'))?.body).toEqual({ message_id: greeting.id }));
  });

  it('sends a message on Enter, keeps Shift+Enter for a new line, and tells the officer it is typing', async () => {
    // Typing is told at most every few seconds: on a fake clock the whole line is typed in no time.
    const user = userOnFakeClock();
    session.set({ access_token: 'a', refresh_token: 'r' });
    const { calls } = serve(activeConsultation);
    const { sockets } = renderWithProviders(<ConversationView consultationId={id} viewer={publicUser} units={unitsByCode} back={back} />);
    const box = await screen.findByRole('textbox', { name: 'Pesan' });
    await waitFor(() => expect(sockets.made).toHaveLength(1));
    const socket = online(sockets);

    await user.type(box, 'Baris satu{Shift>}{Enter}{/Shift}baris dua');
    expect(box).toHaveValue('Baris satu\nbaris dua');
    expect(socket.sent).toEqual([{ type: 'typing', consultation_id: id }]);
    await user.keyboard('{Enter}');

    expect(await within(screen.getByRole('log')).findByText(/Baris satu\s+baris dua/)).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/messages'))?.body).toEqual({ body: 'Baris satu\nbaris dua' });
    expect(box).toHaveValue('');
  });

  it('asks before withdrawing', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    const { calls } = serve(waitingConsultation);
    renderWithProviders(<ConversationView consultationId={id} viewer={publicUser} units={unitsByCode} back={back} />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Tarik konsultasi' }));

    expect(await screen.findByRole('dialog', { name: 'Tarik konsultasi ini?' })).toBeInTheDocument();
    expect(calls.some((c) => c.path.endsWith('/withdraw'))).toBe(false);
  });
});

describe('the conversation of an officer', () => {
  it('says the consultation was taken by someone else and shows who has it', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    const state = { detail: waitingConsultation };
    mockApi({
      [`GET /api/v1/consultations/${id}`]: () => json(200, state.detail),
      [`GET /api/v1/consultations/${id}/messages`]: () => json(200, page([], 100)),
      [`POST /api/v1/consultations/${id}/claim`]: () => {
        state.detail = { ...activeConsultation, assignee: { id: 'other', full_name: 'Petugas Lain' } };
        return problem(409, 'already_claimed');
      },
    });
    renderWithProviders(<ConversationView consultationId={id} viewer={officer} units={unitsByCode} back={back} />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Ambil konsultasi' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Sudah diambil petugas lain.');
    expect(await screen.findByText('Petugas Lain')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ambil konsultasi' })).not.toBeInTheDocument();
    expect(screen.getByText('Konsultasi ini ditangani petugas lain.')).toBeInTheDocument();
  });

  it('offers an active consultation’s actions to its officer, and shows the deadline once clarified', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    const clarified = { ...activeConsultation, clarified_at: '2026-11-23T03:00:00Z', deadline_at: '2026-11-26T16:59:59Z' };
    mockApi({
      [`GET /api/v1/consultations/${id}`]: () => json(200, activeConsultation),
      [`GET /api/v1/consultations/${id}/messages`]: () => json(200, page([], 100)),
      [`POST /api/v1/consultations/${id}/clarify`]: () => json(200, clarified),
    });
    renderWithProviders(<ConversationView consultationId={id} viewer={officer} units={unitsByCode} back={back} />);
    const user = userEvent.setup();
    const actions = await screen.findByRole('region', { name: 'Tindakan petugas' });
    expect(within(actions).getByRole('button', { name: 'Tutup konsultasi' })).toBeInTheDocument();
    expect(within(actions).queryByRole('button', { name: 'Ambil konsultasi' })).not.toBeInTheDocument();

    await user.click(within(actions).getByRole('button', { name: 'Tandai jelas dan lengkap' }));

    // 16:59:59 UTC is 23:59:59 in Banjarnegara (WIB).
    const summary = screen.getByRole('region', { name: activeConsultation.subject });
    expect(await within(summary).findByText(/26 Nov 2026.*23[.:]59 WIB/)).toBeInTheDocument();
    expect(within(actions).queryByRole('button', { name: 'Tandai jelas dan lengkap' })).not.toBeInTheDocument();
  });

  it('writes an internal note: a distinct look, no typing notice, and sent as internal', async () => {
    const user = userOnFakeClock();
    session.set({ access_token: 'a', refresh_token: 'r' });
    const { calls } = mockApi({
      [`GET /api/v1/consultations/${id}`]: () => json(200, activeConsultation),
      [`GET /api/v1/consultations/${id}/messages`]: () => json(200, page([], 100)),
      [`POST /api/v1/consultations/${id}/read`]: () => new Response(null, { status: 204 }),
      [`POST /api/v1/consultations/${id}/messages`]: async (request) => {
        const sent = (await request.json()) as { body: string; visibility?: 'public' | 'internal' };
        return json(201, message({ id: '0192f0c4-0003-7000-8000-000000000003', body: sent.body, visibility: sent.visibility ?? 'public' }));
      },
    });
    const { sockets } = renderWithProviders(<ConversationView consultationId={id} viewer={officer} units={unitsByCode} back={back} />);
    await screen.findByRole('textbox', { name: 'Pesan' });
    await waitFor(() => expect(sockets.made).toHaveLength(1));
    const socket = online(sockets);

    await user.click(screen.getByRole('radio', { name: 'Catatan internal' }));
    const box = screen.getByRole('textbox', { name: 'Catatan internal' });
    expect(screen.getByText('Hanya terlihat oleh petugas unit; tidak pernah dikirim ke pengguna layanan.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lampirkan berkas' })).not.toBeInTheDocument();
    await user.type(box, 'Cek tabel 2023 dulu.{Enter}');

    const note = await within(screen.getByRole('log')).findByRole('article', { name: 'Catatan internal: Anda' });
    expect(note).toHaveTextContent('Cek tabel 2023 dulu.');
    expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/messages'))?.body).toEqual({ body: 'Cek tabel 2023 dulu.', visibility: 'internal' });
    expect(socket.sent).toEqual([]);
  });

  it('lets an officer of the unit leave a note on a consultation nobody has taken yet', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    mockApi({
      [`GET /api/v1/consultations/${id}`]: () => json(200, waitingConsultation),
      [`GET /api/v1/consultations/${id}/messages`]: () => json(200, page([], 100)),
    });
    renderWithProviders(<ConversationView consultationId={id} viewer={officer} units={unitsByCode} back={back} />);

    expect(await screen.findByRole('textbox', { name: 'Catatan internal' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Pesan' })).not.toBeInTheDocument();
    expect(screen.queryByRole('radio', { name: 'Balasan' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Simpan catatan' })).toBeInTheDocument();
  });

  it('puts in an answer template filled for the consultation when "/" and a few letters are typed, to edit before sending', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    const filled = 'Selamat siang Siti Rahma, data konsultasi K-3304-0001 tersedia di website BPS Kabupaten Banjarnegara.';
    const { calls } = mockApi({
      [`GET /api/v1/consultations/${id}`]: () => json(200, activeConsultation),
      [`GET /api/v1/consultations/${id}/messages`]: () => json(200, page([], 100)),
      [`GET /api/v1/consultations/${id}/templates`]: (request) =>
        json(
          200,
          new URL(request.url).searchParams.get('q') === 'dat'
            ? [
                {
                  id: '0192f0c4-0009-7000-8000-000000000009',
                  unit_code: '3304',
                  title: 'Data tersedia di website',
                  shortcut: 'data-web',
                  body: 'Selamat siang {nama}, data konsultasi {nomor} tersedia di website {unit}.',
                  updated_at: '2026-12-08T02:00:00Z',
                  filled,
                },
              ]
            : [],
        ),
    });
    renderWithProviders(<ConversationView consultationId={id} viewer={officer} units={unitsByCode} back={back} />);
    const user = userEvent.setup();
    const box = await screen.findByRole('textbox', { name: 'Pesan' });
    expect(screen.getByText('Ketik / untuk memakai templat jawaban.')).toBeInTheDocument();

    await user.type(box, '/dat');
    // jsdom does not run the dropdown's transition: its options count as hidden.
    const option = await screen.findByRole('option', { name: 'Data tersedia di website /data-web', hidden: true });
    expect(option).toHaveTextContent(filled);
    await user.keyboard('{Enter}');

    await waitFor(() => expect(box).toHaveValue(filled));
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/messages'))).toBe(false);
    await waitFor(() => expect(screen.queryByRole('option', { hidden: true })).not.toBeInTheDocument());
    await user.type(box, ' Terima kasih.');
    expect(box).toHaveValue(`${filled} Terima kasih.`);
  });

  it('says when no template matches and sends what was typed', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    const { calls } = mockApi({
      [`GET /api/v1/consultations/${id}`]: () => json(200, activeConsultation),
      [`GET /api/v1/consultations/${id}/messages`]: () => json(200, page([], 100)),
      [`GET /api/v1/consultations/${id}/templates`]: () => json(200, []),
      [`POST /api/v1/consultations/${id}/messages`]: async (request) =>
        json(201, message({ id: '0192f0c4-0004-7000-8000-000000000004', body: ((await request.json()) as { body: string }).body })),
      [`POST /api/v1/consultations/${id}/read`]: () => new Response(null, { status: 204 }),
    });
    renderWithProviders(<ConversationView consultationId={id} viewer={officer} units={unitsByCode} back={back} />);
    const user = userEvent.setup();
    const box = await screen.findByRole('textbox', { name: 'Pesan' });

    await user.type(box, 'Lihat /zz');
    expect(await screen.findByText('Tidak ada templat untuk "/zz".')).toBeInTheDocument();
    await user.keyboard('{Enter}');

    await waitFor(() => expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/messages'))?.body).toEqual({ body: 'Lihat /zz' }));
  });
});
