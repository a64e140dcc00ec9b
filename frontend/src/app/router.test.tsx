import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { session } from '@/lib/auth/session';
import { json, mockApi } from '@/testing/mock-api';
import { officer, page as pageOf, publicUser, supervisor, tarakan, units, waitingConsultation } from '@/testing/fixtures';
import { tarakanSatisfaction } from '@/testing/report-fixtures';
import { renderRoutes } from '@/testing/render';

import { routes } from './router';

const page = { items: units, total: units.length, page: 1, per_page: 100 };

describe('the routes', () => {
  it('send an anonymous visitor of /profile to the login form, to come back afterwards', async () => {
    mockApi({});
    const { router } = renderRoutes(routes, '/profile');

    expect(await screen.findByRole('heading', { name: 'Masuk' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/login');
    expect(router.state.location.search).toBe('?next=%2Fprofile');
  });

  it('keep members of the public out of the staff dashboard', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    mockApi({
      'GET /api/v1/me': () => json(200, publicUser),
      'GET /api/v1/units': () => json(200, page),
    });
    const { router } = renderRoutes(routes, '/staff');

    expect(await screen.findByRole('heading', { name: /Konsultasi statistik dengan petugas BPS/ })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
  });

  it('open the staff dashboard to a supervisor, with the unit\'s queues, complaints and this month\'s satisfaction index', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    mockApi({
      'GET /api/v1/me': () => json(200, supervisor),
      'GET /api/v1/units': () => json(200, page),
      'GET /api/v1/units/6571': () => json(200, tarakan),
      'GET /api/v1/consultations': () => json(200, { ...pageOf([waitingConsultation]), total: 4 }),
      'GET /api/v1/knowledge/articles': () => json(200, { ...pageOf([]), total: 2 }),
      'GET /api/v1/knowledge/to-curate': () => json(200, { ...pageOf([]), total: 1 }),
      'GET /api/v1/complaints': (request) =>
        json(200, { ...pageOf([]), total: new URL(request.url).searchParams.get('overdue') ? 1 : 3 }),
      'GET /api/v1/reports/satisfaction': () => json(200, tarakanSatisfaction),
    });
    renderRoutes(routes, '/staff');

    expect(await screen.findByRole('heading', { name: 'Dasbor petugas' })).toBeInTheDocument();
    expect(await screen.findByLabelText(/Tenggat online/)).toHaveValue('3');
    const queue = screen.getByRole('region', { name: 'Konsultasi online' });
    expect(await within(queue).findByText('4 menunggu dalam antrean · 4 aktif milik Anda')).toBeInTheDocument();
    expect(within(queue).getByRole('link', { name: 'Buka konsol konsultasi' })).toHaveAttribute('href', '/staff/consultations');
    const knowledge = screen.getByRole('region', { name: 'Basis pengetahuan' });
    expect(await within(knowledge).findByText('2 draf · 1 perlu dikurasi')).toBeInTheDocument();
    expect(within(knowledge).getByRole('link', { name: 'Kelola pengetahuan' })).toHaveAttribute('href', '/staff/knowledge');
    expect(within(knowledge).getByRole('link', { name: 'Tulis artikel' })).toHaveAttribute('href', '/staff/knowledge/new');
    const complaints = screen.getByRole('region', { name: 'Pengaduan' });
    expect(await within(complaints).findByText('3 menunggu verifikasi · 1 lewat tenggat')).toBeInTheDocument();
    expect(within(complaints).getByRole('link', { name: 'Buka meja pengaduan' })).toHaveAttribute('href', '/staff/complaints');
    expect(screen.getByRole('tab', { name: 'Petugas' })).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Hari libur' })).not.toBeInTheDocument();
    const reports = screen.getByRole('region', { name: 'Laporan' });
    expect(await within(reports).findByText('IKM bulan ini 90,28 · mutu A (Sangat Baik) · 8 responden')).toBeInTheDocument();
    expect(within(reports).getByRole('link', { name: 'Buka laporan' })).toHaveAttribute('href', '/staff/reports');
    expect(screen.queryByRole('tab', { name: 'Segera hadir' })).not.toBeInTheDocument();
  });

  it('show the unit page with its settings in plain words', async () => {
    mockApi({ 'GET /api/v1/units/6571': () => json(200, tarakan) });
    renderRoutes(routes, '/units/6571');

    expect(await screen.findByRole('heading', { name: 'BPS Kota Tarakan' })).toBeInTheDocument();
    expect(screen.getByText('Zona waktu: WITA (Asia/Makassar)')).toBeInTheDocument();
    expect(
      screen.getByText('Percakapan online yang tidak direspons pengguna ditutup setelah 7 hari.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Nomor SK: 24E Tahun 2024')).toBeInTheDocument();
  });

  it('say so when a unit has no published standard, or does not exist', async () => {
    mockApi({
      'GET /api/v1/units/6500': () =>
        json(200, { ...tarakan, code: '6500', name: 'BPS Provinsi Kalimantan Utara', kind: 'province', service_standard: null }),
    });
    renderRoutes(routes, '/units/6500');
    expect(await screen.findByText('Standar pelayanan belum diterbitkan')).toBeInTheDocument();
  });

  it('answer unknown pages with a 404 page', async () => {
    mockApi({});
    renderRoutes(routes, '/tidak-ada');
    expect(await screen.findByRole('heading', { name: 'Halaman tidak ditemukan' })).toBeInTheDocument();
  });
});

describe('the consultation pages', () => {
  it('offer a new consultation only at units that take them, as the unit list says', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(200, publicUser),
      'GET /api/v1/units': () => json(200, page),
    });
    renderRoutes(routes, '/consultations/new?unit=3304');

    const unit = await screen.findByRole('combobox', { name: /^Unit layanan/ });
    expect(unit).toHaveValue('BPS Kabupaten Banjarnegara');
    await userEvent.setup().click(unit);
    const options = await screen.findAllByRole('option', { hidden: true });
    expect(options.map((o) => o.textContent)).toEqual(['BPS Kabupaten Banjarnegara', 'BPS Kota Pekalongan', 'BPS Kota Tarakan']);
    // No unit is read one by one to find out.
    expect(calls.filter((c) => c.path.startsWith('/api/v1/units/'))).toHaveLength(0);
  });

  it('send staff from a public consultation link to the same consultation in their console', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    mockApi({
      'GET /api/v1/me': () => json(200, officer),
      'GET /api/v1/units': () => json(200, page),
      [`GET /api/v1/consultations/${waitingConsultation.id}`]: () => json(200, waitingConsultation),
      [`GET /api/v1/consultations/${waitingConsultation.id}/messages`]: () => json(200, pageOf([], 100)),
    });
    const { router } = renderRoutes(routes, `/consultations/${waitingConsultation.id}`);

    expect(await screen.findByRole('button', { name: 'Ambil konsultasi' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/staff/consultations/${waitingConsultation.id}`);
  });
});

describe('logging out', () => {
  it('ends the session on the server and lands on the home page, even from a staff page', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(200, supervisor),
      'GET /api/v1/units': () => json(200, page),
      'GET /api/v1/units/6571': () => json(200, tarakan),
      'POST /api/v1/auth/logout': () => new Response(null, { status: 204 }),
    });
    const { router } = renderRoutes(routes, '/staff');
    await screen.findByRole('heading', { name: 'Dasbor petugas' });

    await userEvent.setup().click(screen.getAllByRole('button', { name: 'Keluar' })[0]);

    expect(await screen.findByRole('heading', { name: /Konsultasi statistik dengan petugas BPS/ })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/');
    expect(session.get()).toBeNull();
    expect(calls.find((c) => c.path === '/api/v1/auth/logout')?.body).toEqual({ refresh_token: 'r' });
  });
});
