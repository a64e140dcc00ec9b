import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { paths } from '@/config/paths';
import type { Me, UnitDetail } from '@/lib/api/types';
import { session } from '@/lib/auth/session';
import { json, mockApi, problem } from '@/testing/mock-api';
import { officer, publicUser, tarakan, units } from '@/testing/fixtures';
import { renderRoutes } from '@/testing/render';
import { ticket, walkinServices } from '@/testing/walkin-fixtures';

import { routes } from './router';

const opensRemotely: UnitDetail = {
  ...tarakan,
  settings: { ...tarakan.settings, walkin_remote_tickets: true, office_opens_at: '07:30', office_closes_at: '15:30' },
};
const taken = ticket({
  id: '0192f0c4-0000-7000-8000-0000000000b1',
  number: 'K-012',
  unit_code: '6571',
  track_url: 'http://127.0.0.1:8080/walkin/tickets/0192f0c4-0000-7000-8000-0000000000b1?key=ph0ne',
});
const unitsPage = { items: units, total: units.length, page: 1, per_page: 100 };
const title = 'Ambil nomor antrean dari ponsel';

function serve(unit: UnitDetail, viewer: Me | null, extra: Parameters<typeof mockApi>[0] = {}) {
  if (viewer) session.set({ access_token: 'a', refresh_token: 'r' });
  return mockApi({
    'GET /api/v1/me': () => json(200, viewer),
    'GET /api/v1/units': () => json(200, unitsPage),
    'GET /api/v1/units/6571': () => json(200, unit),
    'GET /api/v1/units/6571/walkin/services': () => json(200, { items: walkinServices }),
    ...extra,
  });
}

describe('a queue number from the phone', () => {
  it('is taken by a signed-in visitor, who then lands on the ticket’s own page', async () => {
    const user = userEvent.setup();
    const { calls } = serve(opensRemotely, publicUser, {
      'POST /api/v1/units/6571/walkin/tickets': () => json(201, taken),
      [`GET /api/v1/walkin/tickets/${taken.id}`]: () => json(200, { ...taken, track_url: null }),
    });
    const { router } = renderRoutes(routes, paths.unit('6571'));

    const card = await screen.findByRole('region', { name: title });
    expect(card).toHaveTextContent('Pada hari kerja, 07:30–15:30 WITA.');
    const take = await within(card).findByRole('button', { name: 'Ambil nomor antrean' });
    expect(take).toBeDisabled();
    await user.click(within(card).getByRole('combobox', { name: /Layanan/ }));
    await user.click(await screen.findByRole('option', { name: 'Konsultasi Statistik', hidden: true }));
    await user.click(within(card).getByRole('combobox', { name: 'Prioritas (jika ada)' }));
    await user.click(await screen.findByRole('option', { name: 'Ibu hamil', hidden: true }));
    await user.click(take);

    expect(await screen.findByRole('heading', { level: 1, name: 'K-012' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/walkin/tickets/${taken.id}`);
    expect(router.state.location.search).toBe('?key=ph0ne');
    const sent = calls.find((c) => c.method === 'POST');
    expect(sent?.body).toEqual({ service: 'konsultasi', priority: 'pregnant' });
    expect(sent?.authorization).toBe('Bearer a');
  });

  it('explains office hours when the unit is not giving numbers now, and one number at a time', async () => {
    const user = userEvent.setup();
    let answer = problem(409, 'remote_tickets_closed');
    serve(opensRemotely, publicUser, { 'POST /api/v1/units/6571/walkin/tickets': () => answer.clone() });
    renderRoutes(routes, paths.unit('6571'));

    const card = await screen.findByRole('region', { name: title });
    await user.click(await within(card).findByRole('combobox', { name: /Layanan/ }));
    await user.click(await screen.findByRole('option', { name: 'Perpustakaan', hidden: true }));
    await user.click(within(card).getByRole('button', { name: 'Ambil nomor antrean' }));

    const alert = await within(card).findByRole('alert');
    expect(alert).toHaveTextContent('Belum dapat mengambil nomor antrean');
    expect(alert).toHaveTextContent('hanya diberikan pada jam layanan, 07:30–15:30 WITA pada hari kerja');

    answer = problem(409, 'ticket_state');
    await user.click(within(card).getByRole('button', { name: 'Ambil nomor antrean' }));
    expect(await within(card).findByText(/Anda sudah memegang nomor antrean di unit ini/)).toBeInTheDocument();
  });

  it('leads a visitor back to the number they hold instead of offering another', async () => {
    localStorage.setItem('statkonsul.remoteTicket.6571', JSON.stringify({ id: taken.id, key: 'ph0ne' }));
    const { calls } = serve(opensRemotely, publicUser, {
      [`GET /api/v1/walkin/tickets/${taken.id}`]: () => json(200, { ...taken, track_url: null, position: 3, ahead: 2 }),
    });
    renderRoutes(routes, paths.unit('6571'));

    const card = await screen.findByRole('region', { name: title });
    expect(await within(card).findByText('Anda memegang nomor antrean K-012 (Konsultasi Statistik).')).toBeInTheDocument();
    expect(within(card).getByRole('link', { name: 'Pantau nomor antrean' })).toHaveAttribute('href', `/walkin/tickets/${taken.id}?key=ph0ne`);
    expect(within(card).queryByRole('button', { name: 'Ambil nomor antrean' })).not.toBeInTheDocument();
    expect(calls.find((c) => c.path === `/api/v1/walkin/tickets/${taken.id}`)?.search).toBe('?key=ph0ne');
  });

  it('asks an anonymous visitor to log in and come back', async () => {
    serve(opensRemotely, null);
    renderRoutes(routes, paths.unit('6571'));

    const card = await screen.findByRole('region', { name: title });
    expect(within(card).getByRole('link', { name: 'Masuk untuk mengambil nomor antrean' })).toHaveAttribute('href', '/login?next=%2Funits%2F6571');
  });

  it('is not offered where the unit gives numbers at its office only, nor to staff', async () => {
    serve(tarakan, publicUser);
    const { unmount } = renderRoutes(routes, paths.unit('6571'));
    expect(await screen.findByRole('heading', { level: 1, name: 'BPS Kota Tarakan' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: title })).not.toBeInTheDocument();
    unmount();
    session.clear();

    serve(opensRemotely, officer);
    renderRoutes(routes, paths.unit('6571'));
    expect(await screen.findByRole('heading', { level: 1, name: 'BPS Kota Tarakan' })).toBeInTheDocument();
    expect((await screen.findAllByRole('button', { name: 'Keluar' })).length).toBeGreaterThan(0);
    expect(screen.queryByRole('region', { name: title })).not.toBeInTheDocument();
  });
});
