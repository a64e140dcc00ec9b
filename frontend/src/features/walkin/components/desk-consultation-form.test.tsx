import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import type { Consultation } from '@/lib/api/types';
import { waitingConsultation } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { ticket } from '@/testing/walkin-fixtures';

import { DeskConsultationForm } from './desk-consultation-form';

const serving = ticket({
  id: '0192f0c4-0000-7000-8000-000000000011',
  number: 'K-004',
  status: 'serving',
  position: null,
  ahead: null,
  desk: { code: 'meja-1', name: 'Meja 1' },
  started_at: '2026-12-02T02:00:00Z',
});
const path = `/api/v1/walkin/tickets/${serving.id}/consultation`;
const recorded: Consultation = {
  ...waitingConsultation,
  id: '0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e70',
  number: '3375-2026-000042',
  unit_code: '3375',
  status: 'closed',
  resolution: 'answered',
  queue_position: null,
  channel: 'walk_in',
};

async function fill(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('combobox', { name: /Kategori/ }));
  await user.click(await screen.findByRole('option', { name: 'Data', hidden: true }));
  await user.type(screen.getByRole('textbox', { name: /Judul/ }), 'Kemiskinan per kecamatan');
  await user.type(screen.getByRole('textbox', { name: /Pertanyaan pengunjung/ }), 'Berapa penduduk miskin per kecamatan tahun 2025?');
  await user.type(screen.getByRole('textbox', { name: /Jawaban yang diberikan/ }), 'Tabelnya ada di Kecamatan Dalam Angka 2026.');
}

describe('the desk’s consultation record', () => {
  it('checks the fields, sends the record with its referral and links to the recorded consultation', async () => {
    const user = userEvent.setup();
    const { calls } = mockApi({ [`POST ${path}`]: () => json(201, recorded) });
    const onClose = vi.fn();
    renderWithProviders(<DeskConsultationForm ticket={serving} unitCode="3375" onClose={onClose} />);

    await user.click(screen.getByRole('button', { name: 'Simpan konsultasi' }));
    expect(await screen.findAllByText('Wajib diisi.')).toHaveLength(4);
    expect(calls).toHaveLength(0);

    await fill(user);
    await user.click(screen.getByRole('combobox', { name: /Dirujuk ke layanan PST/ }));
    await user.click(await screen.findByRole('option', { name: 'Perpustakaan', hidden: true }));
    await user.type(screen.getByRole('textbox', { name: 'Catatan rujukan' }), 'Publikasi cetak di perpustakaan.');
    await user.click(screen.getByRole('button', { name: 'Simpan konsultasi' }));

    const done = await screen.findByRole('status');
    expect(done).toHaveTextContent('Konsultasi K-004 tercatat dengan nomor 3375-2026-000042 di riwayat pengunjung.');
    expect(within(done).getByRole('link', { name: 'Buka konsultasi' })).toHaveAttribute('href', `/staff/consultations/${recorded.id}`);
    expect(calls.find((c) => c.path === path)?.body).toEqual({
      category: 'data',
      subject: 'Kemiskinan per kecamatan',
      question: 'Berapa penduduk miskin per kecamatan tahun 2025?',
      answer: 'Tabelnya ada di Kecamatan Dalam Angka 2026.',
      referral: { service: 'library', note: 'Publikasi cetak di perpustakaan.' },
    });
    await user.click(screen.getByRole('button', { name: 'Tutup' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('puts the server’s field errors on their fields', async () => {
    const user = userEvent.setup();
    mockApi({
      [`POST ${path}`]: () => problem(422, 'validation_failed', { subject: ['must be 3 to 200 characters'], 'referral.note': ['must be at most 2000 characters'] }),
    });
    renderWithProviders(<DeskConsultationForm ticket={serving} unitCode="3375" onClose={vi.fn()} />);

    await fill(user);
    await user.click(screen.getByRole('combobox', { name: /Dirujuk ke layanan PST/ }));
    await user.click(await screen.findByRole('option', { name: 'Layanan mikrodata', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Simpan konsultasi' }));

    await waitFor(() => expect(screen.getByRole('textbox', { name: /Judul/ })).toHaveAccessibleDescription('must be 3 to 200 characters'));
    expect(screen.getByRole('textbox', { name: 'Catatan rujukan' })).toHaveAccessibleDescription('must be at most 2000 characters');
    // Every problem is said at its field: no alert repeats them.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('sends the officer to the guest book when the visitor is not in it yet, and says when it was already recorded', async () => {
    const user = userEvent.setup();
    let answer = problem(409, 'guestbook_required');
    mockApi({ [`POST ${path}`]: () => answer.clone() });
    renderWithProviders(<DeskConsultationForm ticket={serving} unitCode="3375" onClose={vi.fn()} />);

    await fill(user);
    await user.click(screen.getByRole('button', { name: 'Simpan konsultasi' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Buku tamu belum diisi');
    expect(alert).toHaveTextContent('front office mencatat pengunjung (nama, identitas, email) sebelum konsultasinya dicatat');
    const link = within(alert).getByRole('link', { name: /Buka buku tamu/ });
    expect(link).toHaveAttribute('href', '/staff/walkin/guestbook?unit=3375');
    expect(link).toHaveAttribute('target', '_blank');
    // What was typed stays for the second try.
    expect(screen.getByRole('textbox', { name: /Judul/ })).toHaveValue('Kemiskinan per kecamatan');

    answer = problem(409, 'consultation_recorded');
    await user.click(screen.getByRole('button', { name: 'Simpan konsultasi' }));
    expect(await screen.findByText('Konsultasi kunjungan ini sudah dicatat.')).toBeInTheDocument();
    expect(screen.queryByText('Buku tamu belum diisi')).not.toBeInTheDocument();
  });
});
