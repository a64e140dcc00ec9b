import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { units } from '@/testing/fixtures';
import { mockApi } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';

import { CreateStaffForm } from './create-staff-form';

async function fill(password: string) {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/^Nama lengkap/), 'Budi Santoso');
  await user.type(screen.getByLabelText(/^Email/), 'budi.santoso@bps.go.id');
  await user.type(screen.getByLabelText(/^Kata sandi awal/), password);
  await screen.findByRole('meter', { name: 'Kekuatan kata sandi' });
  return user;
}

describe('the new staff account form', () => {
  it('refuses an initial password made of the new officer’s email', async () => {
    const { calls } = mockApi({});
    renderWithProviders(<CreateStaffForm units={units} />);

    const user = await fill('budi.santoso99');
    await user.click(screen.getByRole('button', { name: 'Buat akun' }));

    expect(await screen.findByText(/^Kata sandi ini terlalu mudah ditebak/)).toBeInTheDocument();
    expect(await screen.findByText('Jangan memakai nama atau alamat email Anda.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('shows the meter of a strong initial password', async () => {
    mockApi({});
    renderWithProviders(<CreateStaffForm units={units} />);

    await fill('Meja-Hijau-Pelabuhan-4');

    const meter = screen.getByRole('meter', { name: 'Kekuatan kata sandi' });
    await waitFor(() => expect(meter).toHaveAttribute('aria-valuetext', 'Sangat kuat'));
  });
});
