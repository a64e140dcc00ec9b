import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { Ticket } from '@/lib/api/types';
import { fakeSockets } from '@/testing/fake-socket';
import { json, mockApi } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { ticket } from '@/testing/walkin-fixtures';

import { TicketTracker } from './ticket-tracker';

const mine = ticket({ id: '0192f0c4-0000-7000-8000-0000000000a1', number: 'K-007', position: 4, ahead: 3, estimated_wait_minutes: 25 });
const frame = (data: Ticket) => new MessageEvent('message', { data: JSON.stringify({ type: 'walkin.ticket', ticket_id: mine.id, unit_code: '3375', data }) });

describe('the visitor’s ticket', () => {
  it('shows the place in the queue live, warns when the turn is near and says where to go when called', async () => {
    const { calls } = mockApi({ [`GET /api/v1/walkin/tickets/${mine.id}`]: () => json(200, mine) });
    const sockets = fakeSockets();
    renderWithProviders(
      <TicketTracker ticketId={mine.id} ticketKey="k3y" unit={{ name: 'BPS Kota Pekalongan', timeZone: 'Asia/Jakarta' }} createSocket={sockets.create} />,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'K-007' })).toBeInTheDocument();
    expect(calls[0]?.search).toBe('?key=k3y');
    expect(screen.getByText('Menunggu')).toBeInTheDocument();
    expect(screen.getByText('25 menit')).toBeInTheDocument();
    expect(screen.getByText('Diambil 2 Des 2026, 08.50 WIB')).toBeInTheDocument();
    expect(screen.queryByText('Giliran Anda sudah dekat')).not.toBeInTheDocument();
    const socket = sockets.latest();
    expect(socket?.url).toBe(`ws://localhost:3000/api/v1/walkin/tickets/${mine.id}/live?key=k3y`);

    act(() => socket?.onmessage?.(frame({ ...mine, position: 3, ahead: 2, estimated_wait_minutes: 15 })));
    expect(await screen.findByText('Giliran Anda sudah dekat')).toBeInTheDocument();
    expect(screen.getByText('15 menit')).toBeInTheDocument();

    act(() => socket?.onmessage?.(frame({ ...mine, status: 'called', position: null, ahead: null, desk: { code: 'meja-2', name: 'Meja 2' }, called_at: '2026-12-02T02:10:00Z', call_count: 1 })));
    expect(await screen.findByText('Silakan menuju Meja 2')).toBeInTheDocument();
    expect(screen.getByText('Dipanggil')).toBeInTheDocument();
    expect(screen.queryByText('Giliran Anda sudah dekat')).not.toBeInTheDocument();
  });
});
