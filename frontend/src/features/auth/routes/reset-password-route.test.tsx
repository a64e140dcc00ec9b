import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { mockApi } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';

import { ResetPasswordRoute } from './reset-password-route';

async function choose(password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^Kata sandi baru/), password);
  await user.type(screen.getByLabelText(/^Ulangi kata sandi baru/), password);
  await screen.findByRole('meter', { name: 'Kekuatan kata sandi' });
  await user.click(screen.getByRole('button', { name: 'Simpan kata sandi baru' }));
}

describe('the password reset page', () => {
  it('refuses a weak new password before using the link', async () => {
    const { calls } = mockApi({});
    renderWithProviders(<ResetPasswordRoute />, { route: '/reset-password?token=t0k3n' });

    await choose('qwertyuiop123');

    expect(await screen.findByText(/^Kata sandi ini terlalu mudah ditebak/)).toBeInTheDocument();
    const meter = screen.getByRole('meter', { name: 'Kekuatan kata sandi' });
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuetext', 'Lemah'));
    expect(calls).toHaveLength(0);
  });

  it('sends a strong one with the link’s token', async () => {
    const { calls } = mockApi({ 'POST /api/v1/auth/password-reset/confirm': () => new Response(null, { status: 204 }) });
    renderWithProviders(<ResetPasswordRoute />, { route: '/reset-password?token=t0k3n' });

    await choose('Rahasia-Kuat-2026!');

    await waitFor(() => expect(calls[0]?.body).toEqual({ token: 't0k3n', new_password: 'Rahasia-Kuat-2026!' }));
  });
});
