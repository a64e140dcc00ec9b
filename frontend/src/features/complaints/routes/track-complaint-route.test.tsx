import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { respondedTracking } from '@/testing/complaint-fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderRoutes } from '@/testing/render';

import { TrackComplaintRoute } from './track-complaint-route';

const path = '/api/v1/complaints/track/ADU-3375-7KQ2M9XD4HPW';
const routes = [{ path: 'complaints/track/:code', element: <TrackComplaintRoute /> }];
const open = () => renderRoutes(routes, '/complaints/track/ADU-3375-7KQ2M9XD4HPW');

describe('the tracking page', () => {
  it('shows the progress, the unit’s response and the due dates on the unit’s clock', async () => {
    mockApi({ [`GET ${path}`]: () => json(200, respondedTracking) });
    open();

    expect(await screen.findByRole('heading', { level: 1, name: 'Balasan konsultasi terlambat' })).toBeInTheDocument();
    expect(screen.getAllByText('Sudah ditanggapi').length).toBeGreaterThan(0);
    expect(screen.getByText('Mohon maaf, jawaban sudah kami kirim hari ini.')).toBeInTheDocument();
    // 17:00 UTC is midnight in Jakarta: the deadline is said on the unit's clock.
    expect(screen.getByText(/5 Des 2026.*00\.00 WIB/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'BPS Kota Pekalongan' })).toHaveAttribute('href', '/units/3375');
  });

  it('closes the complaint when the complainant says it is solved', async () => {
    const { calls } = mockApi({
      [`GET ${path}`]: () => json(200, respondedTracking),
      [`POST ${path}/replies`]: () =>
        json(201, {
          ...respondedTracking,
          status: 'closed',
          can_reply: false,
          history: [...respondedTracking.history, { kind: 'status', status: 'closed', body: 'Dinyatakan selesai oleh pelapor', created_at: '2026-12-02T01:00:00Z' }],
        }),
    });
    open();
    await userEvent.setup().click(await screen.findByRole('button', { name: 'Masalah saya sudah selesai' }));

    expect(await screen.findByText('Terima kasih. Pengaduan Anda ditutup.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ resolved: true });
    expect(screen.queryByRole('button', { name: 'Masalah saya sudah selesai' })).not.toBeInTheDocument();
    expect(screen.getAllByText('Selesai').length).toBeGreaterThan(0);
  });

  it('sends a reply back to the unit, and asks for one before sending', async () => {
    const { calls } = mockApi({
      [`GET ${path}`]: () => json(200, respondedTracking),
      [`POST ${path}/replies`]: () => json(201, { ...respondedTracking, status: 'in_progress', can_reply: false }),
    });
    open();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Kirim balasan' }));
    expect(await screen.findByText('Wajib diisi.')).toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Balasan untuk unit' }), 'Tabel per kecamatan belum ada.');
    await user.click(screen.getByRole('button', { name: 'Kirim balasan' }));

    expect(await screen.findByText('Balasan terkirim. Unit akan menindaklanjutinya lagi.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST').map((c) => c.body)).toEqual([{ body: 'Tabel per kecamatan belum ada.' }]);
  });

  it('offers no reply while the unit has not responded', async () => {
    mockApi({ [`GET ${path}`]: () => json(200, { ...respondedTracking, status: 'verified', can_reply: false, history: respondedTracking.history.slice(0, 2) }) });
    open();

    expect(await screen.findByRole('heading', { level: 1 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Masalah saya sudah selesai' })).not.toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Balasan untuk unit' })).not.toBeInTheDocument();
  });

  it('says when there is no complaint with the code, and lets another be typed', async () => {
    mockApi({ [`GET ${path}`]: () => problem(404, 'not_found') });
    open();

    expect(await screen.findByRole('heading', { level: 1, name: 'Pengaduan tidak ditemukan' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Kode pelacakan' })).toHaveValue('ADU-3375-7KQ2M9XD4HPW');
  });
});
