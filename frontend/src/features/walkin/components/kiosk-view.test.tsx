import { act, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { userOnFakeClock } from '@/testing/fake-clock';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { ticket, walkinServices } from '@/testing/walkin-fixtures';

import { KioskView } from './kiosk-view';

const taken = ticket({
  id: '0192f0c4-0000-7000-8000-0000000000b1',
  number: 'P-004',
  service: 'perpustakaan',
  service_name: 'Perpustakaan',
  priority: 'elderly',
  ahead: 2,
  track_url: 'http://127.0.0.1:8080/walkin/tickets/0192f0c4-0000-7000-8000-0000000000b1?key=abc',
});

describe('the kiosk', () => {
  it('asks for its token once, takes a ticket with it and prints the number with a QR code', async () => {
    const user = userOnFakeClock();
    const print = vi.fn();
    vi.stubGlobal('print', print);
    const { calls } = mockApi({
      'GET /api/v1/units/3375/walkin/services': () => json(200, { items: walkinServices }),
      'POST /api/v1/units/3375/walkin/tickets': () => json(201, taken),
    });
    renderWithProviders(<KioskView unitCode="3375" unitName="BPS Kota Pekalongan" timeZone="Asia/Jakarta" />);

    await user.click(screen.getByRole('button', { name: 'Simpan token' }));
    expect(screen.getByText('Wajib diisi.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Token kiosk'), 'kiosk-secret');
    await user.click(screen.getByRole('button', { name: 'Simpan token' }));
    expect(localStorage.getItem('statkonsul.kioskToken.3375')).toBe('kiosk-secret');

    await user.click(await screen.findByText('Lansia'));
    await user.click(screen.getByRole('button', { name: 'Perpustakaan' }));
    expect(await screen.findByTestId('kiosk-number')).toHaveTextContent('P-004');
    expect(screen.getAllByText('2 antrean di depan Anda')[0]).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.authorization).toBe('Bearer kiosk-secret');
    expect(post?.body).toEqual({ service: 'perpustakaan', priority: 'elderly' });
    expect(await screen.findByRole('img', { name: 'Kode QR untuk memantau antrean Anda' })).toHaveAttribute('src', expect.stringMatching(/^data:image\/svg\+xml/));
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(print).toHaveBeenCalledTimes(1);

    await user.click(screen.getByRole('button', { name: 'Selesai' }));
    expect(await screen.findByRole('button', { name: 'Perpustakaan' })).toBeInTheDocument();
  });

  it('asks for a new token when the kiosk’s token is refused', async () => {
    const user = userOnFakeClock();
    localStorage.setItem('statkonsul.kioskToken.3375', 'revoked');
    mockApi({
      'GET /api/v1/units/3375/walkin/services': () => json(200, { items: walkinServices }),
      'POST /api/v1/units/3375/walkin/tickets': () => problem(401, 'invalid_access_token'),
    });
    renderWithProviders(<KioskView unitCode="3375" unitName="BPS Kota Pekalongan" timeZone="Asia/Jakarta" />);
    await user.click(await screen.findByRole('button', { name: 'Konsultasi Statistik' }));
    expect(await screen.findByText('Token kiosk ditolak atau sudah dicabut. Masukkan token yang berlaku.')).toBeInTheDocument();
    expect(localStorage.getItem('statkonsul.kioskToken.3375')).toBeNull();
  });
});
