import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { mainNavItems } from '@/components/layout/nav-items';
import type { Me, Template } from '@/lib/api/types';
import { officer, page, supervisor, units } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';

import { TemplateList } from './template-list';

const admin: Me = { ...supervisor, id: '0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e99', role: 'admin', unit_code: null, email: 'admin@statkonsul.test' };
const frontOffice: Me = { ...officer, role: 'front_office' };
const byCode = new Map(units.map((u) => [u.code, u]));

const dataWeb: Template = {
  id: '0192f0c4-0000-7c1a-9a4e-2b1f3c4d5e70',
  unit_code: '3304',
  title: 'Data tersedia di website',
  shortcut: 'data-web',
  body: 'Selamat siang {nama},\ndata yang Anda tanyakan tersedia di website {unit}.',
  updated_at: '2026-12-08T02:00:00Z',
};
const salam: Template = {
  id: '0192f0c4-0000-7c1a-9a4e-2b1f3c4d5e71',
  unit_code: null,
  title: 'Salam penutup',
  shortcut: 'salam',
  body: 'Terima kasih telah menghubungi PST. Salam, {petugas}.',
  updated_at: '2026-12-08T02:00:00Z',
};

const render = (viewer: Me) => renderWithProviders(<TemplateList viewer={viewer} units={byCode} />, { route: '/staff/templates' });
const listCalls = (calls: ReturnType<typeof mockApi>['calls']) => calls.filter((c) => c.method === 'GET' && c.path === '/api/v1/templates');

describe('the answer templates page', () => {
  it('lists the unit’s and the national templates and narrows them as one types', async () => {
    const { calls } = mockApi({
      'GET /api/v1/templates': (request) =>
        json(200, page(new URL(request.url).searchParams.get('q') === 'sal' ? [salam] : [dataWeb, salam])),
    });
    render(officer);

    expect(await screen.findByText('2 templat')).toBeInTheDocument();
    const cards = screen.getAllByRole('article');
    expect(cards).toHaveLength(2);
    expect(within(cards[0]).getByRole('heading', { name: 'Data tersedia di website' })).toBeInTheDocument();
    expect(within(cards[0]).getByText('/data-web')).toBeInTheDocument();
    expect(within(cards[0]).getByText('Unit: BPS Kabupaten Banjarnegara')).toBeInTheDocument();
    // The body's first line only.
    expect(within(cards[0]).getByText('Selamat siang {nama},')).toBeInTheDocument();
    expect(within(cards[1]).getByText('Nasional')).toBeInTheDocument();
    // An officer's list is their own unit's (the server's default): no unit is sent.
    expect(Object.fromEntries(new URLSearchParams(listCalls(calls)[0]?.search))).toEqual({ page: '1', per_page: '20' });

    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: /^Cari templat/ }), 'sal');

    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    expect(screen.getByText('1 templat')).toBeInTheDocument();
    // Typing pauses once: one request for the whole word, not one per letter.
    expect(listCalls(calls).map((c) => new URLSearchParams(c.search).get('q'))).toEqual([null, 'sal']);
  });

  it('says when there is no template yet, and when none matches', async () => {
    mockApi({ 'GET /api/v1/templates': () => json(200, page([])) });
    render(officer);
    expect(await screen.findByText(/^Belum ada templat\. Buat templat pertama/)).toBeInTheDocument();

    const user = userEvent.setup();
    await user.type(screen.getByRole('searchbox', { name: /^Cari templat/ }), 'xyz');
    expect(await screen.findByText('Tidak ada templat yang cocok dengan “xyz”.')).toBeInTheDocument();
  });

  it('writes a template for the officer’s unit and shows a taken shortcut on the shortcut field', async () => {
    const { calls } = mockApi({
      'GET /api/v1/templates': () => json(200, page([dataWeb])),
      'POST /api/v1/templates': () =>
        problem(422, 'validation_failed', { shortcut: ['is already used by another template here'] }),
    });
    render(officer);
    const user = userEvent.setup();
    await screen.findByText('1 templat');

    await user.click(screen.getByRole('button', { name: 'Buat templat' }));
    const dialog = await screen.findByRole('dialog', { name: 'Templat baru' });
    expect(within(dialog).getByRole('textbox', { name: /^Unit/ })).toHaveValue('BPS Kabupaten Banjarnegara');

    await user.type(within(dialog).getByRole('textbox', { name: /^Judul/ }), 'Data di website');
    const shortcut = within(dialog).getByRole('textbox', { name: /^Pintasan/ });
    await user.type(shortcut, 'Data Web');
    const body = within(dialog).getByRole<HTMLTextAreaElement>('textbox', { name: /^Isi templat/ });
    await user.type(body, 'Halo , datanya ada.');
    // The variable goes where the cursor is: after "Halo ".
    body.focus();
    body.setSelectionRange(5, 5);
    await user.click(within(dialog).getByRole('button', { name: 'Sisipkan {nama} (nama pemohon)' }));
    expect(body).toHaveValue('Halo {nama}, datanya ada.');

    // The shortcut's shape is checked before asking the server.
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));
    expect(await within(dialog).findByText('Gunakan huruf kecil a–z, angka, dan tanda -, diawali huruf atau angka.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.clear(shortcut);
    await user.type(shortcut, 'data-web');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));

    expect(await within(dialog).findByText('Pintasan ini sudah dipakai templat lain di unit ini (atau di antara templat nasional).')).toBeInTheDocument();
    expect(shortcut).toHaveAttribute('aria-invalid', 'true');
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      unit_code: '3304',
      title: 'Data di website',
      shortcut: 'data-web',
      body: 'Halo {nama}, datanya ada.',
    });
    // Said by its field, not again in an alert.
    expect(within(dialog).queryByRole('alert')).toBeNull();
  });

  it('lets an officer edit their unit’s templates but not the national ones', async () => {
    mockApi({ 'GET /api/v1/templates': () => json(200, page([dataWeb, salam])) });
    render(officer);
    await screen.findByText('2 templat');
    const [own, national] = screen.getAllByRole('article');
    expect(within(own).getByRole('button', { name: 'Ubah templat Data tersedia di website' })).toBeInTheDocument();
    expect(within(national).queryByRole('button', { name: /^Ubah templat/ })).toBeNull();
    expect(within(national).queryByRole('button', { name: /^Hapus templat/ })).toBeNull();
  });

  it('edits a template whole with PUT and asks the list again', async () => {
    const { calls } = mockApi({
      'GET /api/v1/templates': () => json(200, page([dataWeb])),
      [`PUT /api/v1/templates/${dataWeb.id}`]: () => json(200, { ...dataWeb, title: 'Data ada di website' }),
    });
    render(officer);
    const user = userEvent.setup();
    await screen.findByText('1 templat');

    await user.click(screen.getByRole('button', { name: 'Ubah templat Data tersedia di website' }));
    const dialog = await screen.findByRole('dialog', { name: 'Ubah templat' });
    const title = within(dialog).getByRole('textbox', { name: /^Judul/ });
    expect(title).toHaveValue('Data tersedia di website');
    await user.clear(title);
    await user.type(title, 'Data ada di website');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      unit_code: '3304',
      title: 'Data ada di website',
      shortcut: 'data-web',
      body: dataWeb.body,
    });
    await waitFor(() => expect(listCalls(calls)).toHaveLength(2));
  });

  it('asks before deleting, and deletes only once confirmed', async () => {
    const { calls } = mockApi({
      'GET /api/v1/templates': () => json(200, page([dataWeb])),
      [`DELETE /api/v1/templates/${dataWeb.id}`]: () => new Response(null, { status: 204 }),
    });
    render(officer);
    const user = userEvent.setup();
    await screen.findByText('1 templat');

    await user.click(screen.getByRole('button', { name: 'Hapus templat Data tersedia di website' }));
    let dialog = await screen.findByRole('dialog', { name: 'Hapus templat?' });
    expect(within(dialog).getByText(/Templat “Data tersedia di website” \(\/data-web\) akan dihapus/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Batal' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Hapus templat Data tersedia di website' }));
    dialog = await screen.findByRole('dialog', { name: 'Hapus templat?' });
    await user.click(within(dialog).getByRole('button', { name: 'Hapus' }));

    await waitFor(() => expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(1));
    // The list is asked again.
    await waitFor(() => expect(listCalls(calls)).toHaveLength(2));
  });

  it('lets an admin pick a unit or the national templates, and write national ones', async () => {
    const { calls } = mockApi({ 'GET /api/v1/templates': () => json(200, page([salam])) });
    render(admin);
    const user = userEvent.setup();
    await screen.findByText('1 templat');
    // National only by default: no unit is sent.
    expect(new URLSearchParams(listCalls(calls)[0]?.search).has('unit')).toBe(false);
    expect(screen.getByRole('button', { name: 'Ubah templat Salam penutup' })).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Unit' }));
    await user.click(await screen.findByRole('option', { name: '3304 · BPS Kabupaten Banjarnegara', hidden: true }));
    await waitFor(() => expect(new URLSearchParams(listCalls(calls).at(-1)?.search).get('unit')).toBe('3304'));
  });

  it('is in the menu of officers, supervisors and admins, not front office', () => {
    const hasTemplates = (user: Me) => mainNavItems(user).some((item) => item.to === '/staff/templates');
    expect(hasTemplates(officer)).toBe(true);
    expect(hasTemplates(supervisor)).toBe(true);
    expect(hasTemplates(admin)).toBe(true);
    expect(hasTemplates(frontOffice)).toBe(false);
  });
});
