import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { json, mockApi, problem } from '@/testing/mock-api';
import { units, waitingConsultation } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

import { NewConsultationForm, type ConsultationDraft } from './new-consultation-form';

const serving = units.filter((u) => u.kind === 'regency' || u.kind === 'city');

async function fillAndSubmit({ subject = 'Angka kemiskinan 2025', question = 'Berapa persentase penduduk miskin tahun 2025?' } = {}) {
  const user = userEvent.setup();
  await user.click(screen.getByRole('radio', { name: /^Metadata/ }));
  await user.click(screen.getByRole('textbox', { name: /^Perihal/ }));
  await user.paste(subject);
  await user.click(screen.getByRole('textbox', { name: /^Pertanyaan/ }));
  await user.paste(question);
  await user.click(screen.getByRole('button', { name: 'Ajukan konsultasi' }));
}

describe('the new consultation form', () => {
  it('explains the four categories', () => {
    mockApi({});
    renderWithProviders(<NewConsultationForm units={serving} onCreated={vi.fn()} />);

    expect(screen.getAllByRole('radio')).toHaveLength(4);
    expect(screen.getByRole('radio', { name: /Data statistik/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /Konsep, definisi, dan metode/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /survei\) yang diselenggarakan instansi lain/ })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: /KBLI dan KBJI/ })).toBeInTheDocument();
  });

  it('fills in what the link carries and hands the draft to the suggestions as it is typed', async () => {
    mockApi({});
    const suggestions = vi.fn((draft: ConsultationDraft) => <p>{`saran untuk ${draft.unit_code} ${draft.category} ${draft.subject} ${draft.question}`}</p>);
    renderWithProviders(
      <NewConsultationForm
        units={serving}
        prefill={{ unit: '3304', category: 'metadata', subject: 'Apa itu garis kemiskinan' }}
        onCreated={vi.fn()}
        suggestions={suggestions}
      />,
    );

    expect(screen.getByRole('combobox', { name: /^Unit layanan/ })).toHaveValue('BPS Kabupaten Banjarnegara');
    expect(screen.getByRole('radio', { name: /^Metadata/ })).toBeChecked();
    expect(screen.getByRole('textbox', { name: /^Perihal/ })).toHaveValue('Apa itu garis kemiskinan');
    await userEvent.setup().type(screen.getByRole('textbox', { name: /^Pertanyaan/ }), 'Per kecamatan?');

    expect(screen.getByText('saran untuk 3304 metadata Apa itu garis kemiskinan Per kecamatan?')).toBeInTheDocument();
  });

  it('ignores what it does not know in the link', () => {
    mockApi({});
    renderWithProviders(<NewConsultationForm units={serving} prefill={{ unit: '9999', category: 'gosip' }} onCreated={vi.fn()} />);

    expect(screen.getByRole('combobox', { name: /^Unit layanan/ })).toHaveValue('');
    expect(screen.getAllByRole('radio').filter((r) => (r as HTMLInputElement).checked)).toHaveLength(0);
  });

  it('checks what is missing before asking the server', async () => {
    const { calls } = mockApi({});
    renderWithProviders(<NewConsultationForm units={serving} onCreated={vi.fn()} />);
    const user = userEvent.setup();

    await user.type(screen.getByRole('textbox', { name: /^Perihal/ }), 'ab');
    await user.click(screen.getByRole('button', { name: 'Ajukan konsultasi' }));

    expect(await screen.findByText('Perihal harus 3 sampai 200 karakter.')).toBeInTheDocument();
    expect(screen.getByText('Pertanyaan harus 10 sampai 10.000 karakter.')).toBeInTheDocument();
    expect(screen.getAllByText('Wajib diisi.')).toHaveLength(2);
    expect(calls).toHaveLength(0);
  });

  it('shows the server’s field errors next to their fields', async () => {
    mockApi({
      'POST /api/v1/consultations': () =>
        problem(422, 'validation_failed', { subject: ['must be 3 to 200 characters'], question: ['must not be blank'] }),
    });
    renderWithProviders(<NewConsultationForm units={serving} prefill={{ unit: '3304' }} onCreated={vi.fn()} />);

    await fillAndSubmit();

    expect(await screen.findByText('must be 3 to 200 characters')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /^Perihal/ })).toHaveAccessibleDescription(expect.stringContaining('must be 3 to 200 characters'));
    expect(screen.getByRole('textbox', { name: /^Pertanyaan/ })).toHaveAccessibleDescription(expect.stringContaining('must not be blank'));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says on the unit field when the unit is unknown', async () => {
    mockApi({ 'POST /api/v1/consultations': () => problem(422, 'unit_not_found', { unit_code: ['no such unit'] }) });
    renderWithProviders(<NewConsultationForm units={serving} prefill={{ unit: '3304' }} onCreated={vi.fn()} />);

    await fillAndSubmit();

    expect(await screen.findByText('Unit tidak ditemukan.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: /^Unit layanan/ })).toHaveAccessibleDescription(expect.stringContaining('Unit tidak ditemukan.'));
  });

  it('passes on the API’s word when the account may not ask', async () => {
    mockApi({ 'POST /api/v1/consultations': () => problem(403, 'email_not_verified') });
    renderWithProviders(<NewConsultationForm units={serving} prefill={{ unit: '3304' }} onCreated={vi.fn()} />);

    await fillAndSubmit();

    expect(await screen.findByRole('alert')).toHaveTextContent('Alamat email belum diverifikasi.');
  });

  it('sends the unit from the link, the category and the trimmed texts, and reports the new consultation', async () => {
    const { calls } = mockApi({ 'POST /api/v1/consultations': () => json(201, waitingConsultation) });
    const onCreated = vi.fn();
    renderWithProviders(<NewConsultationForm units={serving} prefill={{ unit: '3304' }} onCreated={onCreated} />);

    expect(screen.getByRole('combobox', { name: /^Unit layanan/ })).toHaveValue('BPS Kabupaten Banjarnegara');
    await fillAndSubmit({ subject: '  Angka kemiskinan 2025 ', question: ' Berapa persentase penduduk miskin tahun 2025?  ' });

    await waitFor(() => expect(onCreated).toHaveBeenCalled());
    expect(calls[0]?.body).toEqual({
      unit_code: '3304',
      category: 'metadata',
      subject: 'Angka kemiskinan 2025',
      question: 'Berapa persentase penduduk miskin tahun 2025?',
    });
  });
});
