import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { BoardCall } from '@/lib/api/types';
import { userOnFakeClock } from '@/testing/fake-clock';
import { fakeSockets } from '@/testing/fake-socket';
import { json, mockApi } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { board, walkinDesks, walkinServices } from '@/testing/walkin-fixtures';

import { BoardView } from './board-view';

const earlier: BoardCall = { desk: 'Meja 1', desk_code: 'meja-1', number: 'K-006', service: 'konsultasi', called_at: '2026-12-02T01:55:00Z', status: 'serving' };
const call: BoardCall = { desk: 'Meja 2', desk_code: 'meja-2', number: 'K-007', service: 'konsultasi', called_at: '2026-12-02T02:01:00Z', status: 'called' };
const opening = board({ now_serving: [earlier], recent_calls: [earlier], waiting: { konsultasi: 2, perpustakaan: 0, penjualan: 1, rekomendasi: 0 } });
const afterCall = board({ now_serving: [earlier, call], recent_calls: [call, earlier], waiting: { konsultasi: 1, perpustakaan: 0, penjualan: 1, rekomendasi: 0 } });

function speech() {
  const speak = vi.fn();
  vi.stubGlobal('speechSynthesis', { speak, cancel: vi.fn(), getVoices: () => [] });
  vi.stubGlobal(
    'SpeechSynthesisUtterance',
    class {
      text: string;
      lang = '';
      rate = 1;
      voice: unknown = null;
      constructor(text: string) {
        this.text = text;
      }
    },
  );
  return speak;
}

function serve() {
  return mockApi({
    'GET /api/v1/units/3375/walkin/board': () => json(200, opening),
    'GET /api/v1/units/3375/walkin/services': () => json(200, { items: walkinServices }),
    'GET /api/v1/units/3375/walkin/desks': () => json(200, { items: walkinDesks }),
  });
}

const frame = (data: typeof opening) => ({ data: JSON.stringify({ type: 'walkin.board', unit_code: '3375', data }) });

describe('the display board', () => {
  it('shows each desk, the waiting counts and the clock, and follows the calls live with the voice line', async () => {
    const user = userOnFakeClock();
    vi.setSystemTime(new Date('2026-12-02T02:00:00Z'));
    const speak = speech();
    serve();
    const sockets = fakeSockets();
    renderWithProviders(<BoardView unitCode="3375" unitName="BPS Kota Pekalongan" createSocket={sockets.create} />);

    expect(await within(await screen.findByLabelText('Meja 1')).findByText('K-006')).toBeInTheDocument();
    expect(screen.getByLabelText('Meja 2')).toHaveTextContent('Menunggu panggilan berikutnya');
    expect(screen.getByText('09.00.00 WIB')).toBeInTheDocument();
    const waiting = screen.getByRole('region', { name: 'Jumlah antrean' });
    expect(within(waiting).getByText('Konsultasi Statistik')).toBeInTheDocument();
    expect(within(waiting).getByLabelText('2 menunggu')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Aktifkan suara panggilan' }));
    expect(screen.getByRole('button', { name: 'Suara panggilan: aktif' })).toHaveAttribute('aria-pressed', 'true');

    const socket = sockets.latest();
    if (!socket) throw new Error('no WebSocket was opened');
    expect(socket.url).toBe('ws://localhost:3000/api/v1/units/3375/walkin/board/live');
    act(() => {
      socket.open();
      // On connect the server sends the board as it stands: nothing new to announce.
      socket.onmessage?.(new MessageEvent('message', frame(opening)));
    });
    expect(await screen.findByText('Pembaruan langsung aktif')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(speak).not.toHaveBeenCalled();

    act(() => socket.onmessage?.(new MessageEvent('message', frame(afterCall))));
    expect(await within(screen.getByLabelText('Meja 2')).findByText('K-007')).toBeInTheDocument();
    const latest = screen.getByRole('region', { name: 'Panggilan terakhir' });
    expect(within(latest).getByText('Silakan menuju Meja 2')).toBeInTheDocument();
    expect(within(latest).getByText('“Nomor antrean K nol nol tujuh, silakan menuju Meja dua”')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    await waitFor(() => expect(speak).toHaveBeenCalledTimes(1));
    expect(speak.mock.calls[0]?.[0]).toMatchObject({ text: 'Nomor antrean K nol nol tujuh, silakan menuju Meja dua', lang: 'id-ID' });
    expect(within(screen.getByRole('region', { name: 'Panggilan sebelumnya' })).getByText('K-006')).toBeInTheDocument();

    // The desk calls the same visitor again: the board says it again.
    const recalled = { ...call, called_at: '2026-12-02T02:03:00Z' };
    act(() => socket.onmessage?.(new MessageEvent('message', frame(board({ ...afterCall, now_serving: [earlier, recalled], recent_calls: [recalled, earlier] })))));
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    await waitFor(() => expect(speak).toHaveBeenCalledTimes(2));
    expect(speak.mock.calls[1]?.[0]).toMatchObject({ text: 'Nomor antrean K nol nol tujuh, silakan menuju Meja dua' });
  });

  it('stays silent until the sound is switched on', async () => {
    userOnFakeClock();
    const speak = speech();
    serve();
    const sockets = fakeSockets();
    renderWithProviders(<BoardView unitCode="3375" unitName="BPS Kota Pekalongan" createSocket={sockets.create} />);
    expect(await screen.findByRole('button', { name: 'Aktifkan suara panggilan' })).toHaveAttribute('aria-pressed', 'false');
    await screen.findByText('K-006', { selector: '[aria-live] *' });
    act(() => sockets.latest()?.onmessage?.(new MessageEvent('message', frame(afterCall))));
    expect(await screen.findByText('“Nomor antrean K nol nol tujuh, silakan menuju Meja dua”')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(2_000);
    });
    expect(speak).not.toHaveBeenCalled();
  });

  it('reconnects by itself after the connection drops', async () => {
    userOnFakeClock();
    vi.spyOn(Math, 'random').mockReturnValue(1);
    serve();
    const sockets = fakeSockets();
    renderWithProviders(<BoardView unitCode="3375" unitName="BPS Kota Pekalongan" createSocket={sockets.create} />);
    await screen.findByLabelText('Meja 1');
    act(() => sockets.latest()?.open());
    act(() => sockets.latest()?.drop());
    expect(await screen.findByText('Terputus — mencoba menyambung kembali')).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(sockets.made).toHaveLength(2);
    act(() => sockets.latest()?.open());
    expect(await screen.findByText('Pembaruan langsung aktif')).toBeInTheDocument();
  });
});
