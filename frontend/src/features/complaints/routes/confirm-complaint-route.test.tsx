import { screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';

import { respondedTracking } from '@/testing/complaint-fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';

import { ConfirmComplaintRoute } from './confirm-complaint-route';

const received = { ...respondedTracking, status: 'received' as const, can_reply: false, history: respondedTracking.history.slice(0, 1) };
const confirmRoute = (
  <StrictMode>
    <ConfirmComplaintRoute />
  </StrictMode>
);

describe('the complaint confirmation link', () => {
  it('posts its token once, even under StrictMode, and shows the tracking code', async () => {
    const { calls } = mockApi({ 'POST /api/v1/complaints/confirm': () => json(200, received) });
    renderWithProviders(confirmRoute, { route: '/complaints/confirm?token=tok-123' });

    expect(await screen.findByText('Pengaduan dikonfirmasi')).toBeInTheDocument();
    expect(screen.getByText(/sudah diterima BPS Kota Pekalongan/)).toBeInTheDocument();
    expect(screen.getByTestId('tracking-code')).toHaveTextContent('ADU-3375-7KQ2M9XD4HPW');
    expect(screen.getByRole('link', { name: 'Buka halaman pelacakan' })).toHaveAttribute('href', '/complaints/track/ADU-3375-7KQ2M9XD4HPW');
    expect(calls.map((c) => c.body)).toEqual([{ token: 'tok-123' }]);
  });

  it('says when the link is used, expired or wrong', async () => {
    mockApi({ 'POST /api/v1/complaints/confirm': () => problem(400, 'invalid_token') });
    renderWithProviders(confirmRoute, { route: '/complaints/confirm?token=used' });

    expect(await screen.findByText('Pengaduan tidak dapat dikonfirmasi')).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Tautan tidak valid, sudah kedaluwarsa, atau sudah digunakan.');
  });

  it('asks for the emailed link when the token is missing', () => {
    const { calls } = mockApi({});
    renderWithProviders(confirmRoute, { route: '/complaints/confirm' });

    expect(screen.getByRole('alert')).toHaveTextContent('Tautan konfirmasi tidak lengkap.');
    expect(calls).toHaveLength(0);
  });
});
