import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { json, mockApi, problem } from '@/testing/mock-api';
import { waitingConsultation } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

import { RatingSection } from './rating-form';

const id = waitingConsultation.id;
const elements = [
  'Persyaratan',
  'Sistem, mekanisme, dan prosedur',
  'Waktu penyelesaian',
  'Biaya/tarif',
  'Produk spesifikasi jenis pelayanan',
  'Kompetensi pelaksana',
  'Perilaku pelaksana',
  'Sarana dan prasarana',
  'Penanganan pengaduan, saran, dan masukan',
];

const group = (index: number) => screen.getByRole('radiogroup', { name: `${index + 1}. ${elements[index]}` });

describe('the satisfaction survey', () => {
  it('asks the nine SKM elements, each scored from Tidak baik (1) to Sangat baik (4)', () => {
    mockApi({});
    renderWithProviders(<RatingSection consultationId={id} rated={false} />);

    expect(screen.getAllByRole('radiogroup')).toHaveLength(9);
    for (const [index] of elements.entries()) {
      const radios = within(group(index)).getAllByRole('radio');
      expect(radios.map((r) => r.getAttribute('value'))).toEqual(['1', '2', '3', '4']);
    }
    expect(within(group(0)).getByRole('radio', { name: 'Tidak baik (1)' })).toBeInTheDocument();
    expect(within(group(0)).getByRole('radio', { name: 'Kurang baik (2)' })).toBeInTheDocument();
    expect(within(group(0)).getByRole('radio', { name: 'Baik (3)' })).toBeInTheDocument();
    expect(within(group(0)).getByRole('radio', { name: 'Sangat baik (4)' })).toBeInTheDocument();
  });

  it('needs every element scored before it sends anything', async () => {
    const { calls } = mockApi({});
    renderWithProviders(<RatingSection consultationId={id} rated={false} />);
    const user = userEvent.setup();

    await user.click(within(group(0)).getByRole('radio', { name: 'Baik (3)' }));
    await user.click(screen.getByRole('button', { name: 'Kirim penilaian' }));

    expect(await screen.findAllByText('Beri nilai untuk setiap unsur.')).toHaveLength(8);
    expect(calls).toHaveLength(0);
  });

  it('sends the scores as numbers with the comment, then thanks the user and is gone', async () => {
    const { calls } = mockApi({
      [`POST /api/v1/consultations/${id}/rating`]: () => json(201, {}),
    });
    renderWithProviders(<RatingSection consultationId={id} rated={false} />);
    const user = userEvent.setup();

    for (const [index] of elements.entries()) {
      await user.click(within(group(index)).getByRole('radio', { name: index === 3 ? 'Kurang baik (2)' : 'Sangat baik (4)' }));
    }
    await user.click(screen.getByRole('textbox', { name: /Saran dan masukan/ }));
    await user.paste('  Ruang tunggu panas.  ');
    await user.click(screen.getByRole('button', { name: 'Kirim penilaian' }));

    expect(await screen.findByText('Terima kasih')).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument();
    expect(calls[0]?.body).toEqual({
      scores: { u1: 4, u2: 4, u3: 4, u4: 2, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 },
      comment: 'Ruang tunggu panas.',
    });
  });

  it('says so when the service was rated already', async () => {
    mockApi({ [`POST /api/v1/consultations/${id}/rating`]: () => problem(409, 'already_rated') });
    renderWithProviders(<RatingSection consultationId={id} rated={false} />);
    const user = userEvent.setup();
    for (const [index] of elements.entries()) {
      await user.click(within(group(index)).getByRole('radio', { name: 'Baik (3)' }));
    }
    await user.click(screen.getByRole('button', { name: 'Kirim penilaian' }));

    expect(await screen.findByText('Layanan ini sudah dinilai.')).toBeInTheDocument();
  });

  it('shows no survey once rated', () => {
    mockApi({});
    renderWithProviders(<RatingSection consultationId={id} rated />);
    expect(screen.getByText('Anda telah menilai layanan konsultasi ini.')).toBeInTheDocument();
    expect(screen.queryByRole('radiogroup')).not.toBeInTheDocument();
  });

  it('reads back the scores and the comment given, without a way to change them', () => {
    mockApi({});
    const rating = {
      id: '0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e90',
      subject_kind: 'consultation',
      subject_id: id,
      unit_code: '3304',
      scores: { u1: 4, u2: 4, u3: 3, u4: 4, u5: 4, u6: 4, u7: 4, u8: 1, u9: 4 },
      comment: 'Ruang tunggu panas.',
      needs_follow_up: true,
      follow_up_state: 'open' as const,
      created_at: '2026-11-21T04:00:00Z',
    };
    renderWithProviders(<RatingSection consultationId={id} rated rating={rating} />);

    const given = screen.getByRole('region', { name: 'Penilaian Anda' });
    expect(within(given).getByText('3. Waktu penyelesaian').nextSibling).toHaveTextContent('Baik (3)');
    expect(within(given).getByText('8. Sarana dan prasarana').nextSibling).toHaveTextContent('Tidak baik (1)');
    expect(within(given).getByText('Ruang tunggu panas.')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
