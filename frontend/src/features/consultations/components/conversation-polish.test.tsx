import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, onTestFinished, vi } from 'vitest';

import type { ConsultationDetail, Message } from '@/lib/api/types';
import { session } from '@/lib/auth/session';
import { json, mockApi } from '@/testing/mock-api';
import { activeConsultation, message, officer, page, publicUser, units, waitingConsultation } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

import { ConversationView } from './conversation-view';

const id = waitingConsultation.id;
const unitsByCode = new Map(units.map((u) => [u.code, u]));
const back = { to: '/consultations', label: 'Konsultasi saya' };

/** A phone: a narrow screen with a touch screen's coarse pointer, for one test. */
function onPhone() {
  const desktop = Object.getOwnPropertyDescriptor(window, 'matchMedia');
  onTestFinished(() => {
    if (desktop) Object.defineProperty(window, 'matchMedia', desktop);
  });
  window.matchMedia = vi.fn().mockImplementation((query: string) => ({
    matches: /max-width: 48em|pointer: coarse/.test(query),
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  }));
}

function serve(detail: ConsultationDetail, messages: Message[] = []) {
  return mockApi({
    [`GET /api/v1/consultations/${id}`]: () => json(200, detail),
    [`GET /api/v1/consultations/${id}/messages`]: () => json(200, page(messages, 100)),
    [`POST /api/v1/consultations/${id}/read`]: () => new Response(null, { status: 204 }),
    [`POST /api/v1/consultations/${id}/messages`]: async (request) =>
      json(201, message({ id: '0192f0c4-0002-7000-8000-000000000002', body: ((await request.json()) as { body: string }).body, sender_id: publicUser.id, sender_role: 'public', sender_name: publicUser.full_name })),
    [`GET /api/v1/consultations/${id}/templates`]: () =>
      json(200, [
        {
          id: '0192f0c4-0009-7000-8000-000000000009',
          unit_code: '3304',
          title: 'Data tersedia di website',
          shortcut: 'data-web',
          body: 'Data tersedia di {unit}.',
          updated_at: '2026-12-08T02:00:00Z',
          filled: 'Data tersedia di BPS Kabupaten Banjarnegara.',
        },
      ]),
  });
}

const at = (n: number, minute: string, body: string, more: Partial<Message> = {}) =>
  message({ id: `0192f0c4-00${String(n).padStart(2, '0')}-7000-8000-000000000001`, body, created_at: `2026-11-21T02:${minute}:00Z`, ...more });

describe('links in messages', () => {
  it('opens http(s) links in a new tab, safely, and leaves anything else as text', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    serve(activeConsultation, [
      at(1, '21', 'Lihat https://bps.go.id/id/statistics-table. Atau javascript:alert(1) dan www.bps.go.id'),
    ]);
    renderWithProviders(<ConversationView consultationId={id} viewer={publicUser} units={unitsByCode} back={back} />);
    const log = await screen.findByRole('log');
    const article = await within(log).findByRole('article', { name: officer.full_name });

    const links = within(article).getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAccessibleName('https://bps.go.id/id/statistics-table');
    expect(links[0]).toHaveAttribute('href', 'https://bps.go.id/id/statistics-table');
    expect(links[0]).toHaveAttribute('target', '_blank');
    expect(links[0]).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(article).toHaveTextContent('Lihat https://bps.go.id/id/statistics-table. Atau javascript:alert(1) dan www.bps.go.id');
  });

  it('makes the links of the question clickable too', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    serve({ ...activeConsultation, question: 'Apakah tabel di https://banjarnegarakab.bps.go.id/id/publication (2024) masih berlaku?' });
    renderWithProviders(<ConversationView consultationId={id} viewer={publicUser} units={unitsByCode} back={back} />);
    const question = await screen.findByRole('region', { name: 'Pertanyaan' });
    expect(within(question).getByRole('link', { name: 'https://banjarnegarakab.bps.go.id/id/publication' })).toHaveAttribute('rel', 'noopener noreferrer nofollow');
  });
});

describe('a sender’s messages in a row', () => {
  it('names the sender once per turn and still shows each message’s time', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    serve(activeConsultation, [
      at(1, '21', 'Selamat siang.'),
      at(2, '23', 'Data yang Ibu cari ada di tabel ini.'),
      at(3, '24', 'Terima kasih, Pak.', { sender_id: publicUser.id, sender_role: 'public', sender_name: publicUser.full_name }),
      at(4, '25', 'Cek dulu tabel 2023.', { visibility: 'internal' }),
      at(5, '40', 'Ada lagi yang bisa dibantu?'),
    ]);
    renderWithProviders(<ConversationView consultationId={id} viewer={officer} units={unitsByCode} back={back} />);
    const log = await screen.findByRole('log');
    await within(log).findByText('Ada lagi yang bisa dibantu?');

    const articles = within(log).getAllByRole('article');
    expect(articles.map((a) => a.getAttribute('aria-label'))).toEqual(['Anda', 'Anda', publicUser.full_name, 'Catatan internal: Anda', 'Anda']);
    const headed = articles.map((a) => within(a).queryByText('Anda') !== null || within(a).queryByText(publicUser.full_name) !== null);
    // The second message, two minutes after the first, carries on the turn; the note (another
    // visibility) and the message fifteen minutes later start their own.
    expect(headed).toEqual([true, false, true, true, true]);
    expect(within(articles[1]).queryByText(/Petugas PST/)).not.toBeInTheDocument();
    // Every message keeps its time, the carried-on one in a line of its own.
    for (const article of articles) expect(article.querySelector('time')).not.toBeNull();
    expect(articles[1].querySelector('time')).toHaveAttribute('dateTime', '2026-11-21T02:23:00Z');
    expect(articles[1].querySelector('time')).toHaveTextContent(/09[.:]23 WIB/);
  });
});

describe('on a phone', () => {
  it('makes Enter start a new line and sends with the button', async () => {
    onPhone();
    session.set({ access_token: 'a', refresh_token: 'r' });
    const { calls } = serve(activeConsultation);
    renderWithProviders(<ConversationView consultationId={id} viewer={publicUser} units={unitsByCode} back={back} />);
    const user = userEvent.setup();
    const box = await screen.findByRole('textbox', { name: 'Pesan' });
    expect(box).toHaveAttribute('placeholder', 'Tulis pesan…');

    await user.type(box, 'Baris satu{Enter}baris dua');
    expect(box).toHaveValue('Baris satu\nbaris dua');
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/messages'))).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    await waitFor(() => expect(calls.find((c) => c.method === 'POST' && c.path.endsWith('/messages'))?.body).toEqual({ body: 'Baris satu\nbaris dua' }));
    await waitFor(() => expect(box).toHaveValue(''));
  });

  it('still takes the highlighted template on Enter while the list is open', async () => {
    onPhone();
    session.set({ access_token: 'a', refresh_token: 'r' });
    const { calls } = serve(activeConsultation);
    renderWithProviders(<ConversationView consultationId={id} viewer={officer} units={unitsByCode} back={back} />);
    const user = userEvent.setup();
    const box = await screen.findByRole('textbox', { name: 'Pesan' });

    await user.type(box, '/dat');
    await screen.findByRole('option', { name: 'Data tersedia di website /data-web', hidden: true });
    await waitFor(() => expect(screen.getByRole('option', { name: 'Data tersedia di website /data-web', hidden: true })).toHaveAttribute('data-combobox-selected'));
    await user.keyboard('{Enter}');

    await waitFor(() => expect(box).toHaveValue('Data tersedia di BPS Kabupaten Banjarnegara.'));
    expect(calls.some((c) => c.method === 'POST' && c.path.endsWith('/messages'))).toBe(false);
  });

  it('shows the note’s placeholder without the Enter hint', async () => {
    onPhone();
    session.set({ access_token: 'a', refresh_token: 'r' });
    serve(waitingConsultation);
    renderWithProviders(<ConversationView consultationId={id} viewer={officer} units={unitsByCode} back={back} />);
    expect(await screen.findByRole('textbox', { name: 'Catatan internal' })).toHaveAttribute('placeholder', 'Tulis catatan untuk sesama petugas…');
  });

  it('folds the summary to its number, status and subject until the details are asked for', async () => {
    onPhone();
    session.set({ access_token: 'a', refresh_token: 'r' });
    serve(activeConsultation);
    renderWithProviders(<ConversationView consultationId={id} viewer={publicUser} units={unitsByCode} back={back} />);
    const user = userEvent.setup();
    const summary = await screen.findByRole('region', { name: activeConsultation.subject });
    expect(within(summary).getByText(activeConsultation.number)).toBeVisible();
    expect(within(summary).getByText('Aktif')).toBeVisible();
    expect(within(summary).getByText(officer.full_name)).not.toBeVisible();

    const toggle = within(summary).getByRole('button', { name: 'Lihat rincian' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(toggle).toHaveAccessibleName('Sembunyikan rincian');
    expect(within(summary).getByText(officer.full_name)).toBeVisible();
    expect(document.getElementById(toggle.getAttribute('aria-controls') ?? '')).toContainElement(within(summary).getByText(officer.full_name));

    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(within(summary).getByText(officer.full_name)).not.toBeVisible();
  });
});

describe('on a desktop', () => {
  it('keeps the summary open with no toggle, and the Enter hint in the placeholder', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    serve(activeConsultation);
    renderWithProviders(<ConversationView consultationId={id} viewer={publicUser} units={unitsByCode} back={back} />);
    const summary = await screen.findByRole('region', { name: activeConsultation.subject });
    expect(within(summary).getByText(officer.full_name)).toBeVisible();
    expect(within(summary).queryByRole('button', { name: 'Lihat rincian' })).not.toBeInTheDocument();
    expect(await screen.findByRole('textbox', { name: 'Pesan' })).toHaveAttribute('placeholder', 'Tulis pesan… (Enter untuk mengirim, Shift+Enter untuk baris baru)');
  });
});

describe('withdrawing', () => {
  it('is offered to the owner in the summary, away from the composer', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    serve(waitingConsultation);
    renderWithProviders(<ConversationView consultationId={id} viewer={publicUser} units={unitsByCode} back={back} />);
    const summary = await screen.findByRole('region', { name: waitingConsultation.subject });
    expect(within(summary).getByRole('button', { name: 'Tarik konsultasi' })).toBeInTheDocument();
    const conversation = screen.getByRole('region', { name: 'Percakapan' });
    expect(within(conversation).queryByRole('button', { name: 'Tarik konsultasi' })).not.toBeInTheDocument();
  });

  it('is not offered to the officer', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    serve(activeConsultation);
    renderWithProviders(<ConversationView consultationId={id} viewer={officer} units={unitsByCode} back={back} />);
    await screen.findByRole('region', { name: activeConsultation.subject });
    expect(screen.queryByRole('button', { name: 'Tarik konsultasi' })).not.toBeInTheDocument();
  });
});
