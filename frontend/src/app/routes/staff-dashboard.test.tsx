import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { routes } from '@/app/router';
import { calendarStatusQueryKey } from '@/features/holidays/api/get-calendar-status';
import type { CalendarStatus, Me } from '@/lib/api/types';
import { session } from '@/lib/auth/session';
import { json, mockApi } from '@/testing/mock-api';
import { admin, calendarDue, page as pageOf, supervisor, tarakan, units } from '@/testing/fixtures';
import { renderRoutes } from '@/testing/render';

const unitPage = { items: units, total: units.length, page: 1, per_page: 100 };

function serve(user: Me, status: CalendarStatus) {
  session.set({ access_token: 'a', refresh_token: 'r' });
  return mockApi({
    'GET /api/v1/me': () => json(200, user),
    'GET /api/v1/units': () => json(200, unitPage),
    'GET /api/v1/units/0000': () => json(200, { ...tarakan, code: '0000' }),
    'GET /api/v1/units/6571': () => json(200, tarakan),
    'GET /api/v1/consultations': () => json(200, pageOf([])),
    'GET /api/v1/knowledge/articles': () => json(200, pageOf([])),
    'GET /api/v1/knowledge/to-curate': () => json(200, pageOf([])),
    'GET /api/v1/holidays/status': () => json(200, status),
    'GET /api/v1/holidays': (request) => {
      const year = Number(new URL(request.url).searchParams.get('year'));
      return json(200, { year, loaded: year <= 2026, items: [{ date: `${year}-01-01`, kind: 'national', name: 'Tahun Baru Masehi' }] });
    },
  });
}

describe('the admin’s reminder to load a holiday decree', () => {
  it('says on the dashboard from 1 October that next year’s calendar is due, and links to the calendar', async () => {
    const { calls } = serve(admin, calendarDue);
    renderRoutes(routes, '/staff');
    const user = userEvent.setup();

    const reminder = await screen.findByRole('alert', { name: 'Kalender libur 2027 belum dimuat' });
    expect(
      within(reminder).getByText('Muat SKB libur nasional dan cuti bersama 2027 agar tenggat dihitung dengan benar.'),
    ).toBeInTheDocument();
    const link = within(reminder).getByRole('link', { name: 'Buka kalender hari libur' });
    expect(link).toHaveAttribute('href', '/staff?tab=holidays');
    expect(calls.filter((c) => c.path === '/api/v1/holidays/status')).toHaveLength(1);

    await user.click(link);

    expect(await screen.findByRole('tab', { name: 'Hari libur', selected: true })).toBeInTheDocument();
    const calendar = await screen.findByRole('region', { name: 'Kalender hari libur' });
    // The calendar's own tab says it once, without a link to itself.
    expect(within(calendar).getByText('Kalender libur 2027 belum dimuat')).toBeInTheDocument();
    expect(screen.getAllByText('Kalender libur 2027 belum dimuat')).toHaveLength(1);
    expect(within(calendar).queryByRole('link', { name: 'Buka kalender hari libur' })).not.toBeInTheDocument();
  });

  it('names this year while this year’s decree is missing', async () => {
    serve(admin, { ...calendarDue, today: '2026-03-02', loaded: false, load_next_year: true });
    renderRoutes(routes, '/staff?tab=holidays');

    const calendar = await screen.findByRole('region', { name: 'Kalender hari libur' });
    expect(await within(calendar).findByText('Kalender libur 2026 belum dimuat')).toBeInTheDocument();
    expect(
      within(calendar).getByText('Muat SKB libur nasional dan cuti bersama 2026 agar tenggat dihitung dengan benar.'),
    ).toBeInTheDocument();
  });

  it('goes once the due year is saved', async () => {
    // The calendar opens on the browser's year.
    const year = new Date().getFullYear();
    const status = { current: { ...calendarDue, today: `${year}-03-02`, year, next_year: year + 1, loaded: false } };
    session.set({ access_token: 'a', refresh_token: 'r' });
    mockApi({
      'GET /api/v1/me': () => json(200, admin),
      'GET /api/v1/units': () => json(200, unitPage),
      'GET /api/v1/holidays/status': () => json(200, status.current),
      'GET /api/v1/holidays': () => json(200, { year, loaded: false, items: [{ date: `${year}-01-01`, kind: 'national', name: 'Tahun Baru Masehi' }] }),
      'PUT /api/v1/holidays': async (request) => {
        status.current = { ...status.current, loaded: true, load_next_year: false };
        return json(200, { year, loaded: true, items: ((await request.json()) as { items: unknown[] }).items });
      },
    });
    renderRoutes(routes, '/staff?tab=holidays');
    const user = userEvent.setup();

    const calendar = await screen.findByRole('region', { name: 'Kalender hari libur' });
    expect(await within(calendar).findByRole('alert', { name: `Kalender libur ${year} belum dimuat` })).toBeInTheDocument();
    await user.click(await within(calendar).findByRole('button', { name: 'Ubah kalender' }));
    await user.click(within(calendar).getByRole('button', { name: `Simpan kalender ${year}` }));

    await waitFor(() => expect(within(calendar).queryByText(`Kalender libur ${year} belum dimuat`)).not.toBeInTheDocument());
    expect(within(calendar).queryByText(/SKB tahun ini belum dimuat/)).not.toBeInTheDocument();
  });

  it('says nothing when no decree is due', async () => {
    serve(admin, { ...calendarDue, today: '2026-09-30', load_next_year: false });
    const { queryClient } = renderRoutes(routes, '/staff');

    expect(await screen.findByRole('heading', { name: 'Dasbor petugas' })).toBeInTheDocument();
    await screen.findByRole('tab', { name: 'Hari libur' });
    await waitFor(() => expect(queryClient.getQueryState(calendarStatusQueryKey)?.status).toBe('success'));
    expect(screen.queryByText(/belum dimuat/)).not.toBeInTheDocument();
  });

  it('is the admin’s only: a supervisor’s dashboard does not ask', async () => {
    const { calls } = serve(supervisor, calendarDue);
    renderRoutes(routes, '/staff');

    expect(await screen.findByRole('heading', { name: 'Dasbor petugas' })).toBeInTheDocument();
    expect(await screen.findByLabelText(/Tenggat online/)).toBeInTheDocument();
    expect(screen.queryByText(/belum dimuat/)).not.toBeInTheDocument();
    expect(calls.some((c) => c.path === '/api/v1/holidays/status')).toBe(false);
  });
});
