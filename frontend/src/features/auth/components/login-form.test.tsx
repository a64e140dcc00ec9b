import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/lib/auth/session';
import { json, mockApi, problem } from '@/testing/mock-api';
import { publicUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

import { LoginForm } from './login-form';

async function logIn(email: string, password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^Email/), email);
  await user.type(screen.getByLabelText(/^Kata sandi/), password);
  await user.click(screen.getByRole('button', { name: 'Masuk' }));
  return user;
}

describe('the login form', () => {
  it('stores the session and hands over the profile', async () => {
    mockApi({
      'POST /api/v1/auth/login': () =>
        json(200, { access_token: 'a1', refresh_token: 'r1', token_type: 'Bearer', expires_in: 900 }),
      'GET /api/v1/me': () => json(200, publicUser),
    });
    const onLoggedIn = vi.fn();
    renderWithProviders(<LoginForm onLoggedIn={onLoggedIn} />);

    await logIn('warga@statkonsul.test', 'Warga-Demo-2026!');

    await waitFor(() => expect(onLoggedIn).toHaveBeenCalledWith(publicUser));
    expect(session.get()).toEqual({ access_token: 'a1', refresh_token: 'r1' });
  });

  it('offers to resend the verification email when the address is not verified', async () => {
    const { calls } = mockApi({
      'POST /api/v1/auth/login': () => problem(403, 'email_not_verified'),
      'POST /api/v1/auth/resend-verification': () => new Response(null, { status: 202 }),
    });
    renderWithProviders(<LoginForm onLoggedIn={vi.fn()} />);

    const user = await logIn('baru@example.id', 'Kopi-Tubruk-2026');
    await user.click(await screen.findByRole('button', { name: 'Kirim ulang email verifikasi' }));

    expect(await screen.findByText(/email verifikasi baru telah dikirim/)).toBeInTheDocument();
    expect(calls.at(-1)).toMatchObject({
      path: '/api/v1/auth/resend-verification',
      body: { email: 'baru@example.id' },
    });
  });

  it('says when the credentials are wrong, and when to try again after too many attempts', async () => {
    let attempts = 0;
    mockApi({
      'POST /api/v1/auth/login': () =>
        ++attempts === 1
          ? problem(401, 'invalid_credentials')
          : problem(429, 'too_many_attempts', undefined, { 'Retry-After': '300' }),
    });
    renderWithProviders(<LoginForm onLoggedIn={vi.fn()} />);

    const user = await logIn('warga@statkonsul.test', 'salah-sekali');
    expect(await screen.findByRole('alert')).toHaveTextContent('Email atau kata sandi salah.');

    await user.click(screen.getByRole('button', { name: 'Masuk' }));
    expect(await screen.findByText('Terlalu banyak percobaan. Coba lagi dalam 5 menit.')).toBeInTheDocument();
  });
});
