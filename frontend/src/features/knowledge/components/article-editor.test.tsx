import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { json, mockApi, problem } from '@/testing/mock-api';
import { draftArticle, officer, supervisor, units } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

import { ArticleEditor } from './article-editor';

const admin = { ...supervisor, role: 'admin' as const, unit_code: null };

async function fillIn({ title = 'Data kemiskinan per kecamatan', answer = 'Angka kemiskinan resmi dihitung sampai kabupaten/kota.' } = {}) {
  const user = userEvent.setup();
  const paste = async (name: RegExp, text: string) => {
    await user.click(screen.getByRole('textbox', { name }));
    await user.paste(text);
  };
  await paste(/^Judul/, title);
  await paste(/^Pertanyaan/, 'Apakah ada data kemiskinan per kecamatan?');
  await paste(/^Jawaban/, answer);
  await user.click(screen.getByRole('combobox', { name: /^Kategori/ }));
  await user.click(await screen.findByRole('option', { name: 'Data', hidden: true }));
  await user.type(screen.getByRole('combobox', { name: /^Label/ }), 'kemiskinan{Enter}kecamatan{Enter}');
  return user;
}

describe('the article editor', () => {
  it('checks the lengths and the category before asking the server', async () => {
    const { calls } = mockApi({});
    renderWithProviders(<ArticleEditor viewer={officer} units={units} onSaved={vi.fn()} onArchived={vi.fn()} />);
    const user = userEvent.setup();

    await user.type(screen.getByRole('textbox', { name: /^Judul/ }), 'IPM');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByText('Judul harus 5 sampai 200 karakter.')).toBeInTheDocument();
    expect(screen.getByText('Pertanyaan harus 10 sampai 5.000 karakter.')).toBeInTheDocument();
    expect(screen.getByText('Jawaban harus 20 sampai 50.000 karakter.')).toBeInTheDocument();
    expect(screen.getByText('Wajib diisi.')).toBeInTheDocument();
    expect(calls).toHaveLength(0);
  });

  it('writes a draft for the officer’s own unit, with its tags', async () => {
    const { calls } = mockApi({ 'POST /api/v1/knowledge/articles': () => json(201, draftArticle) });
    const onSaved = vi.fn();
    renderWithProviders(<ArticleEditor viewer={officer} units={units} onSaved={onSaved} onArchived={vi.fn()} />);
    expect(screen.getByRole('textbox', { name: /^Unit/ })).toHaveValue('BPS Kabupaten Banjarnegara');

    const user = await fillIn();
    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(draftArticle, true));
    expect(calls[0]?.body).toEqual({
      title: 'Data kemiskinan per kecamatan',
      question: 'Apakah ada data kemiskinan per kecamatan?',
      answer: 'Angka kemiskinan resmi dihitung sampai kabupaten/kota.',
      category: 'data',
      unit_code: '3304',
      tags: ['kemiskinan', 'kecamatan'],
      status: 'draft',
    });
  });

  it('shows the server’s field errors on their fields, back on the answer’s tab', async () => {
    mockApi({
      'POST /api/v1/knowledge/articles': () =>
        problem(422, 'validation_failed', {
          title: ['must be 5 to 200 characters'],
          answer: ['must be 20 to 50000 characters'],
          tags: ['each tag is 1 to 40 characters, without commas'],
        }),
    });
    renderWithProviders(<ArticleEditor viewer={officer} units={units} onSaved={vi.fn()} onArchived={vi.fn()} />);
    const user = await fillIn();
    await user.click(screen.getByRole('tab', { name: 'Pratinjau' }));
    expect(screen.getByRole('region', { name: 'Pratinjau' })).toHaveTextContent('Angka kemiskinan resmi dihitung');

    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByRole('textbox', { name: /^Jawaban/ })).toHaveAccessibleDescription(
      expect.stringContaining('must be 20 to 50000 characters'),
    );
    expect(screen.getByRole('textbox', { name: /^Judul/ })).toHaveAccessibleDescription(expect.stringContaining('must be 5 to 200 characters'));
    expect(screen.getByText('each tag is 1 to 40 characters, without commas')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('puts the unit’s error on the unit field', async () => {
    mockApi({ 'POST /api/v1/knowledge/articles': () => problem(422, 'unit_not_found', { unit_code: ['no such unit'] }) });
    renderWithProviders(<ArticleEditor viewer={officer} units={units} onSaved={vi.fn()} onArchived={vi.fn()} />);
    const user = await fillIn();

    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByRole('textbox', { name: /^Unit/ })).toHaveAccessibleDescription(expect.stringContaining('Unit tidak ditemukan.'));
  });

  it('lets an admin write a national article', async () => {
    const { calls } = mockApi({ 'POST /api/v1/knowledge/articles': () => json(201, { ...draftArticle, unit_code: null }) });
    renderWithProviders(<ArticleEditor viewer={admin} units={units} onSaved={vi.fn()} onArchived={vi.fn()} />);
    const user = await fillIn();
    await user.click(screen.getByRole('combobox', { name: /^Unit/ }));
    await user.click(await screen.findByRole('option', { name: 'Nasional (semua unit)', hidden: true }));
    await user.click(screen.getByRole('radio', { name: /^Terbit/ }));

    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toMatchObject({ unit_code: null, status: 'published' });
  });

  it('saves an article in place and archives it only after confirming', async () => {
    const { calls } = mockApi({
      [`PUT /api/v1/knowledge/articles/${draftArticle.slug}`]: () => json(200, { ...draftArticle, status: 'published' }),
      [`DELETE /api/v1/knowledge/articles/${draftArticle.slug}`]: () => new Response(null, { status: 204 }),
    });
    const onSaved = vi.fn();
    const onArchived = vi.fn();
    renderWithProviders(<ArticleEditor article={draftArticle} viewer={officer} units={units} onSaved={onSaved} onArchived={onArchived} />);
    const user = userEvent.setup();
    expect(screen.getByRole('textbox', { name: /^Judul/ })).toHaveValue(draftArticle.title);

    await user.click(screen.getByRole('radio', { name: /^Terbit/ }));
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ status: 'published' }), false));
    expect(calls[0]?.body).toMatchObject({ status: 'published', unit_code: '3304', tags: ['kemiskinan'] });

    await user.click(screen.getByRole('button', { name: 'Arsipkan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Arsipkan artikel ini?' });
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Ya, arsipkan' }));

    await waitFor(() => expect(onArchived).toHaveBeenCalled());
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1);
  });
});
