import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { mockApi } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { ticket } from '@/testing/walkin-fixtures';

import { RatedVisits } from './rated-visits';

const rating = {
  id: '0192f0c4-0000-7000-8000-0000000000r9',
  subject_kind: 'walkin',
  subject_id: '0192f0c4-0000-7000-8000-0000000000a9',
  unit_code: '3375',
  scores: { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 1, u8: 4, u9: 4 },
  comment: 'Petugas kurang ramah.',
  needs_follow_up: true,
  follow_up_state: 'open' as const,
  created_at: '2026-12-02T03:15:00Z',
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('today’s visitor ratings on the walk-in overview', () => {
  it('lists the rated visits with their scores in words, the comment, the follow-up state and a link to the rating', () => {
    mockApi({});
    renderWithProviders(
      <RatedVisits
        timeZone="Asia/Jakarta"
        tickets={[
          ticket({ id: rating.subject_id, number: 'K-004', status: 'finished', rated: true, rating }),
          ticket({ id: '0192f0c4-0000-7000-8000-0000000000b1', number: 'K-005', status: 'finished' }),
        ]}
      />,
    );

    const items = screen.getAllByRole('listitem').filter((li) => li.parentElement?.tagName === 'UL' && li.querySelector('a'));
    expect(items).toHaveLength(1);
    const visit = items[0];
    expect(visit).toHaveTextContent(/K-004 · Konsultasi Statistik · 10[.:]15 WIB/);
    expect(within(visit).getByRole('list', { name: 'Nilai per unsur' })).toHaveTextContent('Perilaku pelaksana: Tidak sopan dan ramah (1)');
    expect(within(visit).getByText('Petugas kurang ramah.')).toBeInTheDocument();
    expect(within(visit).getByText('Perlu tindak lanjut')).toBeInTheDocument();
    expect(within(visit).getByRole('link', { name: 'Buka penilaian kunjungan K-004' })).toHaveAttribute('href', `/staff/ratings/${rating.id}`);
  });

  it('says so when nobody has rated yet', () => {
    mockApi({});
    renderWithProviders(<RatedVisits timeZone="Asia/Jakarta" tickets={[ticket({ id: '0192f0c4-0000-7000-8000-0000000000b1', number: 'K-005' })]} />);
    expect(screen.getByText('Belum ada pengunjung yang menilai layanan hari ini.')).toBeInTheDocument();
  });
});
