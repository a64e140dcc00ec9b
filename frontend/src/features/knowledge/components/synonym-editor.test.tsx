import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';

import { SynonymEditor } from './synonym-editor';

const groups = [
  ['ipm', 'indeks pembangunan manusia'],
  ['penduduk', 'populasi'],
];

describe('the synonym editor', () => {
  it('shows each group as a row of terms, and saves the rows as they are edited', async () => {
    const { calls } = mockApi({
      'GET /api/v1/knowledge/synonyms': () => json(200, { groups }),
      'PUT /api/v1/knowledge/synonyms': () =>
        json(200, { groups: [['ipm', 'indeks pembangunan manusia'], ['tpt', 'tingkat pengangguran terbuka']] }),
    });
    renderWithProviders(<SynonymEditor />);
    const user = userEvent.setup();

    expect(await screen.findByRole('combobox', { name: 'Grup 1' })).toBeInTheDocument();
    expect(screen.getByText('indeks pembangunan manusia')).toBeInTheDocument();
    expect(screen.getByText('populasi')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Hapus grup 2' }));
    await user.click(screen.getByRole('button', { name: 'Tambah grup' }));
    await user.type(screen.getByRole('combobox', { name: 'Grup 2' }), 'tpt{Enter}Tingkat Pengangguran Terbuka{Enter}');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByText('Sinonim disimpan dan langsung dipakai pencarian.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      groups: [['ipm', 'indeks pembangunan manusia'], ['tpt', 'Tingkat Pengangguran Terbuka']],
    });
    // The server's version (lower-cased) is what the rows show now.
    expect(screen.getByText('tingkat pengangguran terbuka')).toBeInTheDocument();
  });

  it('asks for at least two terms in a group before sending', async () => {
    const { calls } = mockApi({ 'GET /api/v1/knowledge/synonyms': () => json(200, { groups }) });
    renderWithProviders(<SynonymEditor />);
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: 'Tambah grup' }));
    await user.type(screen.getByRole('combobox', { name: 'Grup 3' }), 'pdrb{Enter}');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByText('Setiap grup berisi 2 sampai 20 kata.')).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Grup 3' })).toHaveAccessibleDescription('Setiap grup berisi 2 sampai 20 kata.');
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);
  });

  it('shows the server’s validation message', async () => {
    mockApi({
      'GET /api/v1/knowledge/synonyms': () => json(200, { groups }),
      'PUT /api/v1/knowledge/synonyms': () => problem(422, 'validation_failed', { groups: ['each term is 1 to 80 characters'] }),
    });
    renderWithProviders(<SynonymEditor />);
    const user = userEvent.setup();

    await user.type(await screen.findByRole('combobox', { name: 'Grup 1' }), 'hdi{Enter}');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByText('each term is 1 to 80 characters')).toHaveAttribute('role', 'alert');
    // Said once, not again in a general alert.
    expect(screen.getAllByText('each term is 1 to 80 characters')).toHaveLength(1);
  });
});
