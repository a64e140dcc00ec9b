import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';

import { RegisterForm } from './register-form';

async function fillAndSubmit(email = 'siti@example.id') {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^Email/), email);
  await user.type(screen.getByLabelText(/^Kata sandi/), 'Kopi-Tubruk-2026');
  await user.type(screen.getByLabelText(/^Nama lengkap/), 'Siti Rahma');
  await user.type(screen.getByLabelText(/^Instansi/), 'Universitas Pekalongan');
  await user.click(screen.getByRole('button', { name: 'Daftar' }));
}

describe('the registration form', () => {
  it('shows the server’s field errors next to their fields', async () => {
    mockApi({
      'POST /api/v1/auth/register': () =>
        problem(422, 'validation_failed', {
          password: ['is too common'],
          full_name: ['must be 1 to 120 characters'],
        }),
    });
    renderWithProviders(<RegisterForm onRegistered={vi.fn()} />);

    await fillAndSubmit();

    expect(await screen.findByText('is too common')).toBeInTheDocument();
    expect(screen.getByLabelText(/^Kata sandi/)).toHaveAccessibleDescription(expect.stringContaining('is too common'));
    expect(screen.getByLabelText(/^Nama lengkap/)).toHaveAccessibleDescription(expect.stringContaining('must be 1 to 120 characters'));
  });

  it('says when too many registrations were asked for, without reporting an account', async () => {
    const onRegistered = vi.fn();
    mockApi({ 'POST /api/v1/auth/register': () => problem(429, 'too_many_attempts') });
    renderWithProviders(<RegisterForm onRegistered={onRegistered} />);

    await fillAndSubmit();

    expect(await screen.findByText(/Terlalu banyak percobaan/)).toBeInTheDocument();
    expect(onRegistered).not.toHaveBeenCalled();
  });

  it('sends the trimmed fields, omits empty optional ones, and reports where the link went', async () => {
    const { calls } = mockApi({ 'POST /api/v1/auth/register': () => json(202, { email: 'siti@example.id' }) });
    const onRegistered = vi.fn();
    renderWithProviders(<RegisterForm onRegistered={onRegistered} />);

    await fillAndSubmit('  siti@example.id ');

    await waitFor(() => expect(onRegistered).toHaveBeenCalledWith({ email: 'siti@example.id' }));
    expect(calls[0]?.body).toEqual({
      email: 'siti@example.id',
      password: 'Kopi-Tubruk-2026',
      full_name: 'Siti Rahma',
      institution: 'Universitas Pekalongan',
    });
  });

  it('checks obvious mistakes before asking the server', async () => {
    const { calls } = mockApi({});
    renderWithProviders(<RegisterForm onRegistered={vi.fn()} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText(/^Kata sandi/), 'pendek');
    await user.click(screen.getByRole('button', { name: 'Daftar' }));

    expect(await screen.findByText('Kata sandi minimal 10 karakter.')).toBeInTheDocument();
    expect(screen.getByText('Masukkan alamat email yang valid.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('measures the password as it is typed, and refuses a weak one before asking the server', async () => {
    const { calls } = mockApi({});
    renderWithProviders(<RegisterForm onRegistered={vi.fn()} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText(/^Email/), 'siti@example.id');
    await user.type(screen.getByLabelText(/^Kata sandi/), 'password1234');

    const meter = await screen.findByRole('meter', { name: 'Kekuatan kata sandi' });
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuetext', 'Lemah'));
    expect(meter).toHaveAttribute('aria-valuenow', '1');
    expect(screen.getByText('Kekuatan kata sandi: Lemah')).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByText('Ini mirip dengan kata sandi yang umum dipakai.')).toBeInTheDocument();

    await user.type(screen.getByLabelText(/^Nama lengkap/), 'Siti Rahma');
    await user.click(screen.getByRole('button', { name: 'Daftar' }));

    expect(await screen.findByText(/^Kata sandi ini terlalu mudah ditebak/)).toBeInTheDocument();
    expect(screen.getByLabelText(/^Kata sandi/)).toHaveAccessibleDescription(expect.stringContaining('terlalu mudah ditebak'));
    expect(calls).toHaveLength(0);
  });

  it('counts the person’s own name as easy to guess', async () => {
    const { calls } = mockApi({});
    renderWithProviders(<RegisterForm onRegistered={vi.fn()} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText(/^Email/), 'siti@example.id');
    await user.type(screen.getByLabelText(/^Nama lengkap/), 'Siti Rahma');
    await user.type(screen.getByLabelText(/^Kata sandi/), 'SitiRahma2026');

    const meter = await screen.findByRole('meter', { name: 'Kekuatan kata sandi' });
    await waitFor(() => expect(Number(meter.getAttribute('aria-valuenow'))).toBeLessThan(3));
    await user.click(screen.getByRole('button', { name: 'Daftar' }));

    expect(await screen.findByText(/^Kata sandi ini terlalu mudah ditebak/)).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('calls a long mixed password very strong', async () => {
    mockApi({});
    renderWithProviders(<RegisterForm onRegistered={vi.fn()} />);
    const user = userEvent.setup();

    await user.type(screen.getByLabelText(/^Kata sandi/), 'Kopi-Tubruk-2026');

    const meter = await screen.findByRole('meter', { name: 'Kekuatan kata sandi' });
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuetext', 'Sangat kuat'));
    expect(screen.getByText('Kekuatan kata sandi: Sangat kuat')).toBeInTheDocument();
  });
});
