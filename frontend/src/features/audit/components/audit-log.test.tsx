import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { mainNavItems } from '@/components/layout/nav-items';
import type { Me } from '@/lib/api/types';
import { officer, supervisor, units } from '@/testing/fixtures';
import { json, mockApi } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';

import { AuditLog } from './audit-log';

const admin: Me = { ...supervisor, id: '0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e99', role: 'admin', unit_code: null, email: 'admin@statkonsul.test' };
const byCode = new Map(units.map((u) => [u.code, u]));

const claimed = {
  id: '0193a1b2-0000-7000-8000-000000000001',
  at: '2026-12-03T02:15:00Z',
  actor_id: '0193a1b2-0000-7000-8000-000000000002',
  actor_role: 'officer',
  unit_code: '6571',
  action: 'POST /consultations/{id}/claim',
  target_type: 'consultations',
  target_id: '0193a1b2-0000-7000-8000-000000000003',
  address: '203.0.113.7',
  detail: { path: '/api/v1/consultations/0193a1b2-0000-7000-8000-000000000003/claim', status: 200 },
};
const settings = {
  ...claimed,
  id: '0193a1b2-0000-7000-8000-000000000004',
  actor_role: 'supervisor',
  action: 'PUT /units/{code}/settings',
  target_type: 'units',
  target_id: '6571',
  detail: { path: '/api/v1/units/6571/settings', status: 200 },
};

const page = (items: unknown[]) => json(200, { items, total: items.length, page: 1, per_page: 25 });
const render = (viewer: Me, route: string) => renderWithProviders(<AuditLog viewer={viewer} units={byCode} />, { route });

describe('the audit log', () => {
  it('lists the supervisor’s unit’s entries on the unit’s clock, with the action in words and a link to the consultation', async () => {
    const { calls } = mockApi({ 'GET /api/v1/audit': () => page([claimed, settings]) });
    render(supervisor, '/staff/audit?from=2026-12-01&to=2026-12-03');

    expect(await screen.findByText('2 entri')).toBeInTheDocument();
    // A supervisor's list is their unit's; the days are read on Tarakan's clock (WITA, UTC+8), the last one included.
    expect(Object.fromEntries(new URLSearchParams(calls[0]?.search))).toEqual({
      unit: '6571',
      from: '2026-11-30T16:00:00.000Z',
      to: '2026-12-03T16:00:00.000Z',
      page: '1',
      per_page: '25',
    });
    const table = screen.getByRole('table');
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Waktu', 'Petugas', 'Tindakan', 'Catatan', 'Alamat']);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    const first = rows[0];
    expect(within(first).getByText(/10\.15 WITA$/)).toBeInTheDocument();
    expect(within(first).getByText('Membuat/menjalankan')).toBeInTheDocument();
    expect(within(first).getByText('POST /consultations/{id}/claim')).toBeInTheDocument();
    expect(within(first).getByText('Petugas PST')).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: /^Buka Konsultasi/ })).toHaveAttribute('href', `/staff/consultations/${claimed.target_id}`);
    expect(within(rows[1]).getByText('Mengubah')).toBeInTheDocument();
    expect(within(rows[1]).queryByRole('link')).toBeNull();
    // On a phone the same entries are cards.
    expect(screen.getAllByRole('article')).toHaveLength(2);
    expect(screen.getByLabelText('Sejak tanggal')).toHaveValue('2026-12-01');
    expect(screen.queryByRole('combobox', { name: 'Unit' })).toBeNull();
  });

  it('lets an admin pick a unit, keeps it in the URL and asks the server again', async () => {
    const { calls } = mockApi({ 'GET /api/v1/audit': () => page([claimed]) });
    const { router } = render(admin, '/staff/audit');
    expect(await screen.findByText('1 entri')).toBeInTheDocument();
    expect(new URLSearchParams(calls[0]?.search).has('unit')).toBe(false);

    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: 'Unit' }));
    await user.click(await screen.findByRole('option', { name: '3375 · BPS Kota Pekalongan', hidden: true }));

    await waitFor(() => expect(router.state.location.search).toBe('?unit=3375'));
    await waitFor(() => expect(new URLSearchParams(calls.at(-1)?.search).get('unit')).toBe('3375'));

    await user.click(screen.getByRole('button', { name: 'Hapus semua filter' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('says so when nothing matches', async () => {
    mockApi({ 'GET /api/v1/audit': () => page([]) });
    render(supervisor, '/staff/audit?from=2026-01-01');
    expect(await screen.findByText('Tidak ada entri log audit yang cocok dengan filter ini.')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('is in the menu of supervisors and admins only', () => {
    const hasAudit = (user: Me) => mainNavItems(user).some((item) => item.to === '/staff/audit');
    expect(hasAudit(supervisor)).toBe(true);
    expect(hasAudit(admin)).toBe(true);
    expect(hasAudit(officer)).toBe(false);
  });
});
