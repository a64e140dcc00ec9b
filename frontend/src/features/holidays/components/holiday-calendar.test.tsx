import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { HolidayYear } from '@/lib/api/types';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';

import { HolidayCalendar } from './holiday-calendar';

const year2026: HolidayYear = {
  year: 2026,
  loaded: true,
  items: [
    { date: '2026-01-01', kind: 'national', name: 'Tahun Baru 2026 Masehi' },
    { date: '2026-02-16', kind: 'collective_leave', name: 'Cuti bersama Tahun Baru Imlek' },
  ],
};

describe('the holiday calendar', () => {
  it('lists the year’s days with their weekday and kind', async () => {
    mockApi({ 'GET /api/v1/holidays': () => json(200, year2026) });
    renderWithProviders(<HolidayCalendar canEdit={false} initialYear={2026} />);

    expect((await screen.findAllByText('Kamis, 1 Januari 2026')).length).toBeGreaterThan(0);
    expect(screen.getAllByText('Cuti bersama').length).toBeGreaterThan(0);
    expect(screen.getByText('2 hari')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ubah kalender' })).not.toBeInTheDocument();
    expect(screen.queryByText(/SKB tahun ini belum dimuat/)).not.toBeInTheDocument();
  });

  it('says of a year without its decree that it lists only the fixed-date holidays', async () => {
    const year2027: HolidayYear = {
      year: 2027,
      loaded: false,
      items: [
        { date: '2027-01-01', kind: 'national', name: 'Tahun Baru Masehi' },
        { date: '2027-05-01', kind: 'national', name: 'Hari Buruh Internasional' },
      ],
    };
    mockApi({
      'GET /api/v1/holidays': (request) =>
        json(200, new URL(request.url).searchParams.get('year') === '2027' ? year2027 : year2026),
    });
    renderWithProviders(<HolidayCalendar canEdit={false} initialYear={2026} />);
    const user = userEvent.setup();
    expect((await screen.findAllByText('Kamis, 1 Januari 2026')).length).toBeGreaterThan(0);
    expect(screen.queryByText(/SKB tahun ini belum dimuat/)).not.toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Tahun' }));
    await user.click(await screen.findByRole('option', { name: '2027', hidden: true }));

    expect(await screen.findByText('Hanya libur nasional bertanggal tetap; SKB tahun ini belum dimuat.')).toBeInTheDocument();
    expect(screen.getAllByText('Jumat, 1 Januari 2027').length).toBeGreaterThan(0);
  });

  it('replaces the whole year and shows a server error next to the row it names', async () => {
    let attempts = 0;
    const { calls } = mockApi({
      'GET /api/v1/holidays': () => json(200, year2026),
      'PUT /api/v1/holidays': () =>
        ++attempts === 1
          ? problem(422, 'validation_failed', { 'items[1].date': ['appears twice'] })
          : json(200, year2026),
    });
    renderWithProviders(<HolidayCalendar canEdit initialYear={2026} />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Ubah kalender' }));
    await user.click(screen.getByRole('button', { name: 'Simpan kalender 2026' }));

    await waitFor(() => expect(screen.getAllByLabelText('Tanggal')[1]).toHaveAccessibleDescription('appears twice'));
    expect(screen.getAllByLabelText('Tanggal')[0]).not.toHaveAccessibleDescription('appears twice');
    expect(calls.at(-1)).toMatchObject({ method: 'PUT', search: '?year=2026', body: { items: year2026.items } });

    await user.click(screen.getByRole('button', { name: 'Hapus baris 2' }));
    await user.click(screen.getByRole('button', { name: 'Simpan kalender 2026' }));

    expect(await screen.findByRole('button', { name: 'Ubah kalender' })).toBeInTheDocument();
    expect(within(document.body).getByText('Kalender 2026 disimpan.')).toBeInTheDocument();
    expect(calls.at(-1)?.body).toEqual({ items: [year2026.items[0]] });
  });
});
