import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { json, mockApi } from '@/testing/mock-api';
import { officer, publicUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

import { AvailabilitySwitch } from './availability-switch';

describe('the availability switch', () => {
  it('lets an officer become available for new consultations', async () => {
    const { calls } = mockApi({
      'PUT /api/v1/me/availability': async (request) => json(200, await request.json()),
    });
    renderWithProviders(<AvailabilitySwitch me={officer} />);
    const user = userEvent.setup();
    expect(screen.getByRole('radio', { name: 'Tidak aktif' })).toBeChecked();

    await user.click(screen.getByText('Tersedia'));

    await waitFor(() => expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({ availability: 'available' }));
    expect(screen.getByRole('radio', { name: 'Tersedia' })).toBeChecked();
  });

  it('is not shown to a member of the public', () => {
    renderWithProviders(<AvailabilitySwitch me={publicUser} />);
    expect(screen.queryByText('Ketersediaan Anda')).not.toBeInTheDocument();
  });
});
