import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { Ticket } from '@/lib/api/types';
import { fakeSockets } from '@/testing/fake-socket';
import { json, mockApi } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { ticket } from '@/testing/walkin-fixtures';

import { walkinKeys } from '../api/query-keys';

import { TicketTracker } from './ticket-tracker';

const mine = ticket({ id: '0192f0c4-0000-7000-8000-0000000000a1', number: 'K-007', position: 4, ahead: 3, estimated_wait_minutes: 25 });
const unit = { name: 'BPS Kota Pekalongan', timeZone: 'Asia/Jakarta' };
const finished = { ...mine, status: 'finished', position: null, ahead: null, finished_at: '2026-12-02T02:30:00Z' } as const;
const frame = (data: Ticket) => new MessageEvent('message', { data: JSON.stringify({ type: 'walkin.ticket', ticket_id: mine.id, unit_code: '3375', data }) });

describe('the visitor’s ticket', () => {
  it('shows the place in the queue live, warns when the turn is near and says where to go when called', async () => {
    const { calls } = mockApi({ [`GET /api/v1/walkin/tickets/${mine.id}`]: () => json(200, mine) });
    const sockets = fakeSockets();
    renderWithProviders(
      <TicketTracker ticketId={mine.id} ticketKey="k3y" unit={unit} createSocket={sockets.create} />,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'K-007' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Nilai layanan ini' })).not.toBeInTheDocument();
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

  it('offers the survey once the visit is finished, sends it with the ticket’s key, then thanks the visitor', async () => {
    const { calls } = mockApi({
      [`GET /api/v1/walkin/tickets/${mine.id}`]: () => json(200, mine),
      [`POST /api/v1/walkin/tickets/${mine.id}/rating`]: () => json(201, {}),
    });
    const sockets = fakeSockets();
    const { queryClient } = renderWithProviders(<TicketTracker ticketId={mine.id} ticketKey="k3y" unit={unit} createSocket={sockets.create} />);
    const user = userEvent.setup();
    expect(await screen.findByRole('heading', { level: 1, name: 'K-007' })).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument();

    act(() => sockets.latest()?.onmessage?.(frame(finished)));
    const survey = await screen.findByRole('region', { name: 'Nilai layanan ini' });
    for (const group of within(survey).getAllByRole('radiogroup')) {
      await user.click(within(group).getByRole('radio', { name: /\(3\)$/ }));
    }
    await user.click(within(survey).getByRole('button', { name: 'Kirim penilaian' }));

    expect(await screen.findByText('Terima kasih atas penilaian Anda')).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument();
    const sent = calls.find((call) => call.method === 'POST');
    expect(sent?.search).toBe('?key=k3y');
    expect(sent?.body).toMatchObject({ scores: { u1: 3, u9: 3 }, comment: null });
    expect(queryClient.getQueryData<Ticket>(walkinKeys.visitorTicket(mine.id))?.rated).toBe(true);
  });

  it('offers no survey for a visit already rated', async () => {
    mockApi({ [`GET /api/v1/walkin/tickets/${mine.id}`]: () => json(200, { ...finished, rated: true }) });
    renderWithProviders(<TicketTracker ticketId={mine.id} ticketKey="k3y" unit={unit} createSocket={fakeSockets().create} />);
    expect(await screen.findByRole('heading', { level: 1, name: 'K-007' })).toBeInTheDocument();
    expect(screen.getByText('Selesai')).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument();
  });
});
