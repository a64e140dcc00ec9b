import { screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';

import { json, mockApi, problem } from '@/testing/mock-api';
import { publicUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

import { VerifyEmailRoute } from './verify-email-route';

describe('the verify-email page', () => {
  it('posts the token from the link once, even in strict mode, and offers to log in', async () => {
    const { calls } = mockApi({ 'POST /api/v1/auth/verify-email': () => json(200, publicUser) });
    renderWithProviders(
      <StrictMode>
        <VerifyEmailRoute />
      </StrictMode>,
      { route: '/verify-email?token=abc123' },
    );

    expect(await screen.findByText('Email terverifikasi')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Masuk' })).toHaveAttribute(
      'href',
      '/login?email=warga%40statkonsul.test',
    );
    expect(calls).toEqual([expect.objectContaining({ path: '/api/v1/auth/verify-email', body: { token: 'abc123' } })]);
  });

  it('explains an invalid or used link', async () => {
    mockApi({
      'POST /api/v1/auth/verify-email': () => problem(400, 'invalid_token', { token: ['is invalid, expired or already used'] }),
    });
    renderWithProviders(<VerifyEmailRoute />, { route: '/verify-email?token=used' });

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Tautan tidak valid, sudah kedaluwarsa, atau sudah digunakan.',
    );
  });
});
