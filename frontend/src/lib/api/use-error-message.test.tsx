import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { i18n } from '@/lib/i18n';

import { ApiError } from './problem';
import type { Problem } from './types';
import { useErrorMessage } from './use-error-message';

function failure(code: string, status = 409) {
  const problem = { type: `urn:statkonsul:problem:${code}`, title: 'The server’s title', status, code, detail: 'The server’s detail.' };
  return new ApiError(status, problem as Problem);
}

describe('the message of a failed request', () => {
  it('says a problem in the reader’s language by its code', async () => {
    const { result } = renderHook(() => useErrorMessage());
    expect(result.current(failure('nothing_to_promote'))).toBe(
      'Konsultasi ini belum memiliki jawaban petugas atau ringkasan jawaban yang dapat dijadikan artikel.',
    );
    expect(result.current(failure('concurrent_change'))).toBe(
      'Data ini baru saja diubah oleh permintaan lain pada saat bersamaan. Silakan coba lagi.',
    );

    await act(() => i18n.changeLanguage('en'));
    expect(result.current(failure('already_claimed'))).toBe('Already taken by another officer.');
  });

  it('gives the server’s own words for a code this app does not know yet', () => {
    const { result } = renderHook(() => useErrorMessage());
    expect(result.current(failure('queue_closed'))).toBe('The server’s detail.');
  });
});
