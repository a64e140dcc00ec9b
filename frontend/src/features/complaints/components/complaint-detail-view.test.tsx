import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { ComplaintDetail, ComplaintStatus, Me } from '@/lib/api/types';
import { receivedComplaint } from '@/testing/complaint-fixtures';
import { officer as banjarnegaraOfficer, supervisor as tarakanSupervisor } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';

import { ComplaintDetailView } from './complaint-detail-view';

const supervisor: Me = { ...tarakanSupervisor, unit_code: '3375' };
const officer: Me = { ...banjarnegaraOfficer, unit_code: '3375' };
const path = `/api/v1/complaints/${receivedComplaint.id}`;

function render(viewer: Me, status: ComplaintStatus, extra: Record<string, (r: Request) => Response> = {}) {
  const complaint: ComplaintDetail = { ...receivedComplaint, status };
  const api = mockApi({ [`GET ${path}`]: () => json(200, complaint), ...extra });
  renderWithProviders(<ComplaintDetailView id={complaint.id} viewer={viewer} zoneOf={() => 'Asia/Jakarta'} />);
  return api;
}

async function actionButtons() {
  const actions = await screen.findByRole('region', { name: 'Tindakan' });
  return within(actions)
    .queryAllByRole('button')
    .map((b) => b.textContent);
}

describe('a complaint on the staff desk', () => {
  it('shows the complainant’s personal data to the unit’s staff', async () => {
    render(supervisor, 'received');
    const complainant = await screen.findByRole('region', { name: 'Pelapor' });
    expect(within(complainant).getByText('Siti Rahma')).toBeInTheDocument();
    expect(within(complainant).getByRole('link', { name: 'siti@example.com' })).toHaveAttribute('href', 'mailto:siti@example.com');
    expect(within(complainant).getByText('081234567890')).toBeInTheDocument();
    expect(screen.getByText('Pertanyaan saya tentang data kemiskinan belum dijawab setelah seminggu.')).toBeInTheDocument();
  });

  it('offers the supervisor only what the lifecycle allows from each status', async () => {
    render(supervisor, 'received');
    expect(await actionButtons()).toEqual(['Verifikasi', 'Tolak', 'Teruskan']);
  });

  it('lets the supervisor respond and close once verified', async () => {
    render(supervisor, 'verified');
    expect(await actionButtons()).toEqual(['Tindak lanjuti', 'Kirim tanggapan', 'Tolak', 'Teruskan', 'Tutup pengaduan']);
  });

  it('leaves an officer to take up and respond, not to decide', async () => {
    render(officer, 'verified');
    expect(await actionButtons()).toEqual(['Tindak lanjuti', 'Kirim tanggapan']);
  });

  it('offers nothing more once closed', async () => {
    render(supervisor, 'closed');
    expect(await screen.findByText('Tidak ada tindakan lagi untuk pengaduan dengan status ini.')).toBeInTheDocument();
    expect(await actionButtons()).toEqual([]);
  });

  it('verifies, and says so when another change came first', async () => {
    const { calls } = render(supervisor, 'received', { [`POST ${path}/status`]: () => problem(409, 'invalid_transition') });
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Verifikasi' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Status pengaduan tidak memungkinkan langkah ini');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ status: 'verified' });
  });

  it('rejects only with a reason for the complainant', async () => {
    const { calls } = render(supervisor, 'received', {
      [`POST ${path}/status`]: () => json(200, { ...receivedComplaint, status: 'rejected', reason: 'Bukan kewenangan unit.' }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Tolak' }));
    await user.click(screen.getByRole('button', { name: 'Tolak' }));
    expect(await screen.findByText('Wajib diisi.')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: /^Alasan penolakan/ }), 'Bukan kewenangan unit.');
    await user.click(screen.getByRole('button', { name: 'Tolak' }));

    expect((await screen.findAllByText('Ditolak')).length).toBeGreaterThan(0);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ status: 'rejected', reason: 'Bukan kewenangan unit.' });
  });

  it('forwards to LAPOR! with the reference in the note', async () => {
    const { calls } = render(supervisor, 'verified', {
      [`POST ${path}/status`]: () => json(200, { ...receivedComplaint, status: 'forwarded', forwarded_to: 'lapor' }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Teruskan' }));
    await user.click(screen.getByRole('radio', { name: 'SP4N-LAPOR!' }));
    await user.type(screen.getByRole('textbox', { name: /^Nomor tiket LAPOR!/ }), 'LAPOR-123456');
    await user.click(screen.getByRole('button', { name: 'Teruskan' }));

    expect((await screen.findAllByText('Diteruskan')).length).toBeGreaterThan(0);
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ status: 'forwarded', reason: 'LAPOR-123456', forwarded_to: 'lapor' });
  });
});
