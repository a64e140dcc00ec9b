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

// The questionnaire's answers per element, score 1 to 4 (PermenPANRB No. 14/2017).
const answers = [
  ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  ['Tidak mudah', 'Kurang mudah', 'Mudah', 'Sangat mudah'],
  ['Tidak cepat', 'Kurang cepat', 'Cepat', 'Sangat cepat'],
  ['Sangat mahal', 'Cukup mahal', 'Murah', 'Gratis'],
  ['Tidak sesuai', 'Kurang sesuai', 'Sesuai', 'Sangat sesuai'],
  ['Tidak kompeten', 'Kurang kompeten', 'Kompeten', 'Sangat kompeten'],
  ['Tidak sopan dan ramah', 'Kurang sopan dan ramah', 'Sopan dan ramah', 'Sangat sopan dan ramah'],
  ['Buruk', 'Cukup', 'Baik', 'Sangat baik'],
  ['Tidak ada', 'Ada tetapi tidak berfungsi', 'Berfungsi kurang maksimal', 'Dikelola dengan baik'],
];

const group = (index: number) => screen.getByRole('radiogroup', { name: `${index + 1}. ${elements[index]}` });
const score = (index: number, value: number) => within(group(index)).getByRole('radio', { name: new RegExp(`\\(${value}\\)$`) });

describe('the satisfaction survey', () => {
  it('asks the nine SKM elements, each with the four answers of the PermenPANRB 14/2017 questionnaire and a hint', () => {
    mockApi({});
    renderWithProviders(<RatingSection consultationId={id} rated={false} />);

    expect(screen.getAllByRole('radiogroup')).toHaveLength(9);
    for (const [index, expected] of answers.entries()) {
      const radios = within(group(index)).getAllByRole('radio');
      expect(radios.map((r) => r.getAttribute('value'))).toEqual(['1', '2', '3', '4']);
      expect(radios.map((r) => (r as HTMLInputElement).labels?.[0]?.textContent)).toEqual(expected.map((answer, score) => `${answer} (${score + 1})`));
    }
    // What "produk spesifikasi jenis pelayanan" asks, in plain words, under the question.
    expect(group(4)).toHaveAccessibleDescription(/jawaban atau data yang Anda terima sesuai dengan yang dijanjikan standar pelayanan/);
    expect(group(3)).toHaveAccessibleDescription(/tidak dipungut biaya/);
  });

  it('needs every element scored before it sends anything', async () => {
    const { calls } = mockApi({});
    renderWithProviders(<RatingSection consultationId={id} rated={false} />);
    const user = userEvent.setup();

    await user.click(score(0, 3));
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
      await user.click(score(index, index === 3 ? 2 : 4));
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
      await user.click(score(index, 3));
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
    expect(within(given).getByText('3. Waktu penyelesaian').nextSibling).toHaveTextContent('Cepat (3)');
    expect(within(given).getByText('8. Sarana dan prasarana').nextSibling).toHaveTextContent('Buruk (1)');
    expect(within(given).getByText('Ruang tunggu panas.')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByRole('button')).not.toBeInTheDocument();
  });
});
