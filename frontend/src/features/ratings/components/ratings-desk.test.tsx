import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { session } from '@/lib/auth/session';
import type { Me } from '@/lib/api/types';
import { supervisor, units } from '@/testing/fixtures';
import { json, mockApi } from '@/testing/mock-api';
import { lowVisitRating } from '@/testing/rating-fixtures';
import { renderWithProviders } from '@/testing/render';

import { RatingsDesk } from './ratings-desk';

const byCode = new Map(units.map((u) => [u.code, u]));
/** The supervisor of the province above Tarakan: may read Tarakan's ratings and their own. */
const provinceSupervisor: Me = { ...supervisor, unit_code: '6500', full_name: 'Supervisor Kalimantan Utara' };

const ratingCalls = (calls: ReturnType<typeof mockApi>['calls']) =>
  calls.filter((c) => c.path === '/api/v1/ratings').map((c) => Object.fromEntries(new URLSearchParams(c.search)));

beforeEach(() => {
  session.set({ access_token: 'access-1', refresh_token: 'refresh-1' });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the ratings desk', () => {
  it('opens with the filters of the link it came from, and asks the API for just those', async () => {
    const { calls } = mockApi({ 'GET /api/v1/ratings': () => json(200, { items: [lowVisitRating], total: 1, page: 1, per_page: 20 }) });
    renderWithProviders(<RatingsDesk viewer={provinceSupervisor} units={byCode} />, {
      route: '/staff/ratings?unit=6571&from=2026-11-01&to=2026-11-30&channel=walk_in&needs_follow_up=true',
    });

    expect(await screen.findByText('1 penilaian')).toBeInTheDocument();
    expect(ratingCalls(calls)).toEqual([
      { unit: '6571', from: '2026-11-01', to: '2026-11-30', channel: 'walk_in', needs_follow_up: 'true', page: '1', per_page: '20' },
    ]);
    const filters = screen.getByRole('search');
    expect(within(filters).getByLabelText('Unit')).toHaveValue('6571 · BPS Kota Tarakan');
    expect(within(filters).getByLabelText('Dari tanggal')).toHaveValue('2026-11-01');
    expect(within(filters).getByLabelText('Sampai tanggal')).toHaveValue('2026-11-30');
    expect(within(filters).getByLabelText('Kanal')).toHaveValue('Tatap muka');
    expect(within(filters).getByLabelText('Perlu tindak lanjut')).toHaveValue('Ya');
  });

  it('shows each rating on the unit’s clock, with its nine scores in words, the comment, the visit and its follow-up state', async () => {
    mockApi({ 'GET /api/v1/ratings': () => json(200, { items: [lowVisitRating], total: 1, page: 1, per_page: 20 }) });
    renderWithProviders(<RatingsDesk viewer={provinceSupervisor} units={byCode} />, { route: '/staff/ratings' });

    const table = await screen.findByRole('table');
    const row = within(table).getAllByRole('row')[1];
    // 04:00 UTC is noon in Tarakan (WITA).
    expect(within(row).getByRole('link', { name: /Lihat penilaian: .*12[.:]00 WITA/ })).toHaveAttribute('href', `/staff/ratings/${lowVisitRating.id}`);
    expect(within(row).getByRole('link', { name: 'Kunjungan K-007' })).toHaveAttribute('href', `/staff/consultations/${lowVisitRating.consultation_id}`);
    expect(within(row).getByText('Budi Santoso')).toBeInTheDocument();
    const scores = within(row).getByRole('list', { name: 'Nilai per unsur' });
    expect(within(scores).getAllByRole('listitem')).toHaveLength(9);
    expect(scores).toHaveTextContent('Waktu penyelesaian: Tidak cepat (1)');
    expect(scores).toHaveTextContent('Produk spesifikasi jenis pelayanan: Kurang sesuai (2)');
    expect(within(row).getByText(lowVisitRating.comment!)).toBeInTheDocument();
    expect(within(row).getByText('Perlu tindak lanjut')).toBeInTheDocument();
  });

  it('keeps a changed filter in the URL and starts again at the first page', async () => {
    const { calls } = mockApi({ 'GET /api/v1/ratings': () => json(200, { items: [lowVisitRating], total: 45, page: 1, per_page: 20 }) });
    const { router } = renderWithProviders(<RatingsDesk viewer={provinceSupervisor} units={byCode} />, {
      route: '/staff/ratings?unit=6571&page=2',
    });
    const user = userEvent.setup();

    expect(await screen.findByText('45 penilaian')).toBeInTheDocument();
    expect(ratingCalls(calls)[0]).toMatchObject({ unit: '6571', page: '2' });
    await user.click(screen.getByRole('combobox', { name: 'Status tindak lanjut' }));
    await user.click(await screen.findByRole('option', { name: 'Responden dihubungi', hidden: true }));

    await waitFor(() => expect(router.state.location.search).toBe('?unit=6571&state=contacted'));
    await waitFor(() => expect(ratingCalls(calls).at(-1)).toMatchObject({ unit: '6571', state: 'contacted', page: '1' }));
  });

  it('says so when nothing matches', async () => {
    mockApi({ 'GET /api/v1/ratings': () => json(200, { items: [], total: 0, page: 1, per_page: 20 }) });
    renderWithProviders(<RatingsDesk viewer={supervisor} units={byCode} />, { route: '/staff/ratings?needs_follow_up=false' });

    expect(await screen.findByText('Tidak ada penilaian yang sesuai dengan filter ini.')).toBeInTheDocument();
    // One unit to read: no unit picker.
    expect(screen.queryByLabelText('Unit')).not.toBeInTheDocument();
  });
});
