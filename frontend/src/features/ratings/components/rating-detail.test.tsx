import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { session } from '@/lib/auth/session';
import type { Me } from '@/lib/api/types';
import { supervisor, units } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { contactedThread, openThread } from '@/testing/rating-fixtures';
import { renderWithProviders } from '@/testing/render';

import { RatingDetail } from './rating-detail';

const byCode = new Map(units.map((u) => [u.code, u]));
const id = openThread.id;
const get = `GET /api/v1/ratings/${id}`;
const followUps = `POST /api/v1/ratings/${id}/follow-ups`;

beforeEach(() => {
  session.set({ access_token: 'access-1', refresh_token: 'refresh-1' });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

async function writeFollowUp(text: string) {
  const user = userEvent.setup();
  const form = await screen.findByRole('region', { name: 'Hubungi responden' });
  await user.click(within(form).getByRole('textbox', { name: /Pesan untuk responden/ }));
  await user.paste(text);
  await user.click(within(form).getByRole('button', { name: 'Kirim pesan' }));
  return form;
}

describe('a rating’s page for the unit’s staff', () => {
  it('shows the nine elements in the questionnaire’s words, the comment, the respondent and the thread in order on the unit’s clock', async () => {
    mockApi({ [get]: () => json(200, contactedThread) });
    renderWithProviders(<RatingDetail ratingId={id} viewer={supervisor} units={byCode} />);

    const scores = await screen.findByRole('region', { name: 'Nilai sembilan unsur SKM' });
    expect(within(scores).getByText('3. Waktu penyelesaian').nextSibling).toHaveTextContent('Tidak cepat (1)');
    expect(within(scores).getByText('4. Biaya/tarif').nextSibling).toHaveTextContent('Gratis (4)');
    expect(within(scores).getByText(contactedThread.comment!)).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Responden' })).toHaveTextContent('budi@example.test');
    expect(screen.getByRole('link', { name: 'Kunjungan K-007' })).toHaveAttribute('href', `/staff/consultations/${contactedThread.consultation_id}`);

    const thread = screen.getByRole('region', { name: 'Tindak lanjut' });
    const messages = within(thread).getAllByRole('listitem');
    expect(messages.map((m) => m.textContent)).toEqual([
      expect.stringMatching(/^Petugas unit · .*09[.:]30 WITA.*Mohon maaf atas lamanya antrean/),
      expect.stringMatching(/^Responden · .*14[.:]05 WITA.*tabelnya sudah saya terima/),
    ]);
    expect(screen.getAllByText('Responden dihubungi').length).toBeGreaterThan(0);
  });

  it('says plainly when the unit has no email of the respondent to write to', async () => {
    const { calls } = mockApi({ [get]: () => json(200, openThread), [followUps]: () => problem(409, 'respondent_unknown') });
    renderWithProviders(<RatingDetail ratingId={id} viewer={supervisor} units={byCode} />);

    const form = await writeFollowUp('  Mohon maaf, kami ingin menanyakan kebutuhan data Bapak.  ');

    expect(await within(form).findByRole('alert')).toHaveTextContent('Unit tidak memiliki alamat email responden ini untuk dihubungi.');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ message: 'Mohon maaf, kami ingin menanyakan kebutuhan data Bapak.' });
    // The message stays, to be sent another way.
    expect(within(form).getByRole('textbox', { name: /Pesan untuk responden/ })).toHaveValue('  Mohon maaf, kami ingin menanyakan kebutuhan data Bapak.  ');
  });

  it('puts the server’s complaint about the message by the message', async () => {
    mockApi({
      [get]: () => json(200, openThread),
      [followUps]: () => problem(422, 'validation_failed', { message: ['must be 1 to 5000 characters'] }),
    });
    renderWithProviders(<RatingDetail ratingId={id} viewer={supervisor} units={byCode} />);

    const form = await writeFollowUp('Halo');

    const box = within(form).getByRole('textbox', { name: /Pesan untuk responden/ });
    expect(await within(form).findByText('must be 1 to 5000 characters')).toBeInTheDocument();
    expect(box).toHaveAttribute('aria-invalid', 'true');
  });

  it('asks for a message before sending one', async () => {
    const { calls } = mockApi({ [get]: () => json(200, openThread) });
    renderWithProviders(<RatingDetail ratingId={id} viewer={supervisor} units={byCode} />);
    const user = userEvent.setup();

    const form = await screen.findByRole('region', { name: 'Hubungi responden' });
    await user.click(within(form).getByRole('button', { name: 'Kirim pesan' }));

    expect(await within(form).findByText('Wajib diisi.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('shows the thread the server answers after a follow-up, then resolves it with a note', async () => {
    const resolved = { ...contactedThread, follow_up_state: 'resolved' as const, resolved_at: '2026-11-24T02:00:00Z', resolution_note: 'Tabel dikirim.' };
    const { calls } = mockApi({
      [get]: () => json(200, openThread),
      [followUps]: () => json(201, contactedThread),
      [`POST /api/v1/ratings/${id}/resolve`]: () => json(200, resolved),
    });
    renderWithProviders(<RatingDetail ratingId={id} viewer={supervisor} units={byCode} />);
    const user = userEvent.setup();

    await writeFollowUp('Mohon maaf atas lamanya antrean.');
    expect(await screen.findByText('Terima kasih, tabelnya sudah saya terima.')).toBeInTheDocument();

    const resolve = screen.getByRole('region', { name: 'Selesaikan tindak lanjut' });
    await user.click(within(resolve).getByRole('textbox', { name: /Catatan penyelesaian/ }));
    await user.paste('Tabel dikirim.');
    await user.click(within(resolve).getByRole('button', { name: 'Tandai selesai' }));

    expect(await screen.findByText(/Diselesaikan/)).toBeInTheDocument();
    expect(calls.find((c) => c.path.endsWith('/resolve'))?.body).toEqual({ note: 'Tabel dikirim.' });
    expect(screen.queryByRole('region', { name: 'Hubungi responden' })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Selesaikan tindak lanjut' })).not.toBeInTheDocument();
  });

  it('only reads for the supervisor of a unit above', async () => {
    const above: Me = { ...supervisor, unit_code: '6500' };
    mockApi({ [get]: () => json(200, openThread) });
    renderWithProviders(<RatingDetail ratingId={id} viewer={above} units={byCode} />);

    expect(await screen.findByText(/Unit di atas hanya dapat membaca penilaian ini/)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Hubungi responden' })).not.toBeInTheDocument();
  });
});
