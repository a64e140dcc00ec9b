import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { session } from '@/lib/auth/session';
import { json, mockApi } from '@/testing/mock-api';
import { publicUser, supervisor, tarakan, units } from '@/testing/fixtures';
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

  it('open the staff dashboard to a supervisor, with real parts and labelled placeholders', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    mockApi({
      'GET /api/v1/me': () => json(200, supervisor),
      'GET /api/v1/units': () => json(200, page),
      'GET /api/v1/units/6571': () => json(200, tarakan),
    });
    renderRoutes(routes, '/staff');

    expect(await screen.findByRole('heading', { name: 'Dasbor petugas' })).toBeInTheDocument();
    expect(await screen.findByLabelText(/Tenggat online/)).toHaveValue('3');
    expect(screen.getByRole('tab', { name: 'Petugas' })).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Hari libur' })).not.toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Segera hadir' })).toBeInTheDocument();
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
