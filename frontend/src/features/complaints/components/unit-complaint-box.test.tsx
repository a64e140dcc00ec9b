import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { ComplaintReceipt, UnitDetail } from '@/lib/api/types';
import { session } from '@/lib/auth/session';
import { publicUser, units } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';

import { UnitComplaintBox } from './unit-complaint-box';

const pekalongan: UnitDetail = {
  ...units[2],
  service_standard: null,
  settings: {
    auto_close_after_days: 3,
    online_deadline_working_days: 1,
    walkin_max_wait_minutes: 10,
    complaint_verify_working_days: 2,
    complaint_respond_working_days: 4,
    complaint_auto_close_working_days: 7,
  },
};

const receipt = (confirmation: boolean): ComplaintReceipt => ({
  tracking_code: 'ADU-3375-7KQ2M9XD4HPW',
  tracking_url: 'http://localhost/complaints/track/ADU-3375-7KQ2M9XD4HPW',
  status: confirmation ? 'unconfirmed' : 'received',
  confirmation_required: confirmation,
});

async function openAndWrite() {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Tulis pengaduan' }));
  await user.click(screen.getByRole('radio', { name: /^Saran/ }));
  await user.click(screen.getByRole('textbox', { name: /^Perihal/ }));
  await user.paste('  Ruang tunggu panas ');
  await user.click(screen.getByRole('textbox', { name: /^Uraian/ }));
  await user.paste('Pendingin ruangan di ruang tunggu PST mati sejak Senin.');
  return user;
}

describe('the complaint box of a unit page', () => {
  it('says the unit’s complaint deadlines in plain words', () => {
    mockApi({});
    renderWithProviders(<UnitComplaintBox unit={pekalongan} />);

    expect(screen.getByText('Pengaduan diperiksa (diverifikasi) paling lambat 2 hari kerja setelah diterima.')).toBeInTheDocument();
    expect(screen.getByText('Unit memberi tanggapan paling lambat 4 hari kerja setelah pengaduan diterima.')).toBeInTheDocument();
    expect(screen.getByText(/dalam 7 hari kerja, pengaduan dianggap selesai/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Lacak pengaduan' })).toHaveAttribute('href', '/complaints/track');
  });

  it('asks an anonymous visitor for an email and tells them to open the confirmation link', async () => {
    const { calls } = mockApi({ 'POST /api/v1/complaints': () => json(201, receipt(true)) });
    renderWithProviders(<UnitComplaintBox unit={pekalongan} />);
    const user = await openAndWrite();

    await user.click(screen.getByRole('button', { name: 'Kirim' }));
    expect(await screen.findByText('Wajib diisi.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Email/ })).toHaveAccessibleDescription(expect.stringContaining('Wajib diisi.'));
    expect(calls).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'siti@example.com');
    await user.type(screen.getByRole('textbox', { name: /^Nama/ }), 'Siti');
    await user.click(screen.getByRole('button', { name: 'Kirim' }));

    expect(await screen.findByText('Satu langkah lagi: konfirmasi email Anda')).toBeInTheDocument();
    expect(screen.getByText(/Kami mengirim tautan konfirmasi ke siti@example.com/)).toBeInTheDocument();
    expect(screen.getByTestId('tracking-code')).toHaveTextContent('ADU-3375-7KQ2M9XD4HPW');
    expect(screen.getByRole('link', { name: 'Buka halaman pelacakan' })).toHaveAttribute('href', '/complaints/track/ADU-3375-7KQ2M9XD4HPW');
    expect(calls[0]?.body).toEqual({
      unit_code: '3375',
      kind: 'suggestion',
      subject: 'Ruang tunggu panas',
      description: 'Pendingin ruangan di ruang tunggu PST mati sejak Senin.',
      name: 'Siti',
      email: 'siti@example.com',
    });
  });

  it('sends a signed-in user’s complaint without contacts and says it is received', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(200, publicUser),
      'POST /api/v1/complaints': () => json(201, receipt(false)),
    });
    renderWithProviders(<UnitComplaintBox unit={pekalongan} />);
    const user = await openAndWrite();

    expect(await screen.findByText(/Anda mengirim sebagai Siti Rahma/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: /^Email/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Kirim' }));

    expect(await screen.findByText('Pengaduan terkirim')).toBeInTheDocument();
    expect(screen.getByText(/sudah diterima unit/)).toBeInTheDocument();
    expect(screen.queryByText(/konfirmasi email/)).not.toBeInTheDocument();
    const sent = calls.find((c) => c.method === 'POST');
    expect(sent?.body).toEqual({
      unit_code: '3375',
      kind: 'suggestion',
      subject: 'Ruang tunggu panas',
      description: 'Pendingin ruangan di ruang tunggu PST mati sejak Senin.',
    });
    expect(sent?.authorization).toBe('Bearer a');
  });

  it('shows the server’s field errors next to their fields', async () => {
    mockApi({
      'POST /api/v1/complaints': () => problem(422, 'validation_failed', { email: ['must be an email address'], related_number: ['must be at most 40 characters'] }),
    });
    renderWithProviders(<UnitComplaintBox unit={pekalongan} />);
    const user = await openAndWrite();
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'siti@example.com');
    await user.click(screen.getByRole('button', { name: 'Kirim' }));

    expect(await screen.findByText('must be an email address')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Email/ })).toHaveAccessibleDescription(expect.stringContaining('must be an email address'));
    expect(screen.getByRole('textbox', { name: /^Nomor konsultasi/ })).toHaveAccessibleDescription(
      expect.stringContaining('must be at most 40 characters'),
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says when to try again after too many complaints', async () => {
    mockApi({ 'POST /api/v1/complaints': () => problem(429, 'too_many_attempts', undefined, { 'Retry-After': '600' }) });
    renderWithProviders(<UnitComplaintBox unit={pekalongan} />);
    const user = await openAndWrite();
    await user.type(screen.getByRole('textbox', { name: /^Email/ }), 'siti@example.com');
    await user.click(screen.getByRole('button', { name: 'Kirim' }));

    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('Terlalu banyak percobaan. Coba lagi dalam 10 menit.'));
  });
});
