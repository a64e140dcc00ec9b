import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { page, units, waitingConsultation } from '@/testing/fixtures';
import { json, mockApi } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';

import { StaffConsole } from './staff-console';

const byCode = new Map(units.map((u) => [u.code, u]));

describe('the staff consultation list', () => {
  it('opens with the filters of a report’s figure: its days, unit, category and channel', async () => {
    const user = userEvent.setup();
    const { calls } = mockApi({ 'GET /api/v1/consultations': () => json(200, page([waitingConsultation])) });
    renderWithProviders(<StaffConsole units={byCode} showUnit />, {
      route: '/staff/consultations?tab=all&unit=3304&from=2026-10-01&to=2026-10-31&category=data&channel=walk_in',
    });

    expect(await screen.findByRole('tab', { name: /Semua/, selected: true })).toBeInTheDocument();
    expect(screen.getByText(/Dibuka Kamis, 1 Oktober 2026 – Sabtu, 31 Oktober 2026 · BPS Kabupaten Banjarnegara/)).toBeInTheDocument();
    await waitFor(() => expect(calls.some((c) => c.path === '/api/v1/consultations')).toBe(true));
    const first = Object.fromEntries(new URLSearchParams(calls.find((c) => c.path === '/api/v1/consultations')?.search));
    expect(first).toMatchObject({ unit: '3304', from: '2026-10-01', to: '2026-10-31', category: 'data', channel: 'walk_in' });

    await user.click(screen.getByRole('button', { name: 'Semua tanggal' }));
    await waitFor(() => {
      const last = new URLSearchParams(calls.filter((c) => c.path === '/api/v1/consultations').at(-1)?.search);
      expect(last.has('from')).toBe(false);
      expect(last.get('category')).toBe('data');
    });
  });
});
