import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { session } from '@/lib/auth/session';
import { i18n } from '@/lib/i18n';
import { publicUser } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';

import { ChangePasswordForm } from './change-password-form';

async function choose(newPassword: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^Kata sandi saat ini/), 'Kopi-Tubruk-2026');
  await user.type(screen.getByLabelText(/^Kata sandi baru/), newPassword);
  await user.type(screen.getByLabelText(/^Ulangi kata sandi baru/), newPassword);
  // Submitted once the meter has an estimate, so that the form's own check has one too.
  await screen.findByRole('meter', { name: 'Kekuatan kata sandi' });
  await user.click(screen.getByRole('button', { name: 'Ubah kata sandi' }));
}

describe('the change-password form', () => {
  it('refuses a new password made of the signed-in person’s name', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    const { calls } = mockApi({ 'GET /api/v1/me': () => json(200, publicUser) });
    renderWithProviders(<ChangePasswordForm />);

    await choose('SitiRahma2026');

    expect(await screen.findByText(/^Kata sandi ini terlalu mudah ditebak/)).toBeInTheDocument();
    expect(screen.getByText('Jangan memakai nama atau alamat email Anda.')).toBeInTheDocument();
    expect(calls.filter((c) => c.path === '/api/v1/me/password')).toHaveLength(0);
  });

  it('sends a strong new password, and shows the server’s refusal on its field', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(200, publicUser),
      'POST /api/v1/me/password': () => problem(422, 'validation_failed', { new_password: ['is a commonly used password'] }),
    });
    renderWithProviders(<ChangePasswordForm />);

    await choose('Hujan-Sore-Bandeng-7');

    expect(await screen.findByText('is a commonly used password')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Kata sandi baru/)).toHaveAccessibleDescription(expect.stringContaining('is a commonly used password'));
    await waitFor(() => expect(calls.filter((c) => c.path === '/api/v1/me/password')).toHaveLength(1));
  });

  it('names the levels in English', async () => {
    await i18n.changeLanguage('en');
    session.set({ access_token: 'a', refresh_token: 'r' });
    mockApi({ 'GET /api/v1/me': () => json(200, publicUser) });
    renderWithProviders(<ChangePasswordForm />);

    await userEvent.setup().type(screen.getByLabelText(/^New password/), 'password1234');

    const meter = await screen.findByRole('meter', { name: 'Password strength' });
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuetext', 'Weak'));
    expect(screen.getByText('Password strength: Weak')).toBeInTheDocument();
    expect(screen.getByText('This is similar to a commonly used password.')).toBeInTheDocument();
  });
});
