import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { paths } from '@/config/paths';
import { session } from '@/lib/auth/session';
import { json, mockApi } from '@/testing/mock-api';
import { officer, supervisor, tarakan, units } from '@/testing/fixtures';
import { renderRoutes } from '@/testing/render';
import { walkinDesks, walkinServices } from '@/testing/walkin-fixtures';

import { routes } from './router';

const unitPage = { items: units, total: units.length, page: 1, per_page: 100 };

function serve(viewer: typeof supervisor) {
  session.set({ access_token: 'a', refresh_token: 'r' });
  return mockApi({
    'GET /api/v1/me': () => json(200, viewer),
    'GET /api/v1/units': () => json(200, unitPage),
    'GET /api/v1/units/6571': () => json(200, tarakan),
    'GET /api/v1/units/3304': () => json(200, { ...tarakan, code: '3304', name: 'BPS Kabupaten Banjarnegara' }),
    'GET /api/v1/units/6571/walkin/services': () => json(200, { items: walkinServices }),
    'GET /api/v1/units/6571/walkin/desks': () => json(200, { items: walkinDesks }),
  });
}

describe('the walk-in setup page', () => {
  it('is a tab of the supervisor’s walk-in pages', async () => {
    serve(supervisor);
    renderRoutes(routes, paths.staffWalkinSetup);

    expect(await screen.findByRole('heading', { level: 1, name: 'Layanan dan meja tatap muka' })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Layanan & meja', selected: true })).toBeInTheDocument();
    expect(screen.getByRole('tab', { name: 'Ringkasan' })).toBeInTheDocument();
    expect(await screen.findByRole('group', { name: 'Layanan 1' })).toBeInTheDocument();
    expect(await screen.findByRole('group', { name: 'Meja 1' })).toBeInTheDocument();
  });

  it('is not an officer’s', async () => {
    serve(officer);
    renderRoutes(routes, paths.staffWalkinSetup);

    expect(await screen.findByText('Halaman ini tidak tersedia untuk peran Anda.')).toBeInTheDocument();
    expect(screen.queryByRole('tab', { name: 'Layanan & meja' })).not.toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Layanan 1' })).not.toBeInTheDocument();
  });
});
