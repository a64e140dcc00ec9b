import { describe, expect, it } from 'vitest';

import { message, publicUser } from '@/testing/fixtures';

import { continuesTurn } from './turns';

const first = message({ id: 'm1', body: 'Satu', created_at: '2026-11-21T02:21:00Z' });

describe('continuesTurn', () => {
  it('carries on a sender’s turn within five minutes', () => {
    expect(continuesTurn(first, message({ id: 'm2', body: 'Dua', created_at: '2026-11-21T02:26:00Z' }))).toBe(true);
  });

  it('starts a new turn after five minutes, for another sender, or another visibility', () => {
    expect(continuesTurn(first, message({ id: 'm2', body: 'Dua', created_at: '2026-11-21T02:26:01Z' }))).toBe(false);
    expect(continuesTurn(first, message({ id: 'm2', body: 'Dua', sender_id: publicUser.id, created_at: '2026-11-21T02:22:00Z' }))).toBe(false);
    expect(continuesTurn(first, message({ id: 'm2', body: 'Dua', visibility: 'internal', created_at: '2026-11-21T02:22:00Z' }))).toBe(false);
  });

  it('starts a turn with the first message, or one dated before the message above it', () => {
    expect(continuesTurn(undefined, first)).toBe(false);
    expect(continuesTurn(first, message({ id: 'm2', body: 'Dua', created_at: '2026-11-21T02:20:00Z' }))).toBe(false);
  });
});
