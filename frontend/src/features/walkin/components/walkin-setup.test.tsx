import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { walkinDesks, walkinServices } from '@/testing/walkin-fixtures';

import { WalkinSetup } from './walkin-setup';

type Handlers = Parameters<typeof mockApi>[0];

function serve(extra: Handlers = {}) {
  return mockApi({
    'GET /api/v1/units/3375/walkin/services': () => json(200, { items: walkinServices }),
    'GET /api/v1/units/3375/walkin/desks': () => json(200, { items: walkinDesks }),
    ...extra,
  });
}

const row = (name: string) => screen.getByRole('group', { name });

describe('the walk-in setup', () => {
  it('renames, adds, reorders and switches off services, checking codes and letters before saving', async () => {
    const user = userEvent.setup();
    const { calls } = serve({
      'PUT /api/v1/units/3375/walkin/services': async (request) => json(200, { items: ((await request.json()) as { services: unknown[] }).services }),
    });
    renderWithProviders(<WalkinSetup unitCode="3375" />);

    const first = await screen.findByRole('group', { name: 'Layanan 1' });
    // A saved service keeps its code: its tickets refer to it.
    expect(within(first).getByRole('textbox', { name: /Kode/ })).toHaveAttribute('readonly');
    const name = within(first).getByRole('textbox', { name: /Nama layanan/ });
    await user.clear(name);
    await user.type(name, 'Konsultasi Data');
    await user.click(within(row('Layanan 3')).getByRole('switch', { name: 'Aktif' }));

    await user.click(screen.getByRole('button', { name: 'Tambah layanan' }));
    const added = row('Layanan 5');
    await user.type(within(added).getByRole('textbox', { name: /Nama layanan/ }), 'Layanan Mikrodata');
    await user.type(within(added).getByRole('textbox', { name: /Kode/ }), 'Mikro data');
    await user.type(within(added).getByRole('textbox', { name: /Huruf awalan/ }), 'k');
    expect(within(added).getByRole('textbox', { name: /Huruf awalan/ })).toHaveValue('K');
    await user.click(screen.getByRole('button', { name: 'Simpan layanan' }));
    expect(await within(added).findByText('Hanya huruf kecil, angka, dan tanda hubung.')).toBeInTheDocument();
    expect(within(added).getByText('Huruf ini sudah dipakai layanan lain.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'PUT')).toHaveLength(0);

    const code = within(added).getByRole('textbox', { name: /Kode/ });
    await user.clear(code);
    await user.type(code, 'mikrodata');
    const letter = within(added).getByRole('textbox', { name: /Huruf awalan/ });
    await user.clear(letter);
    await user.type(letter, 'M');
    expect(within(added).getByText('Nomor antrean M-001')).toBeInTheDocument();
    await user.click(within(added).getByRole('button', { name: 'Naikkan Layanan 5' }));
    expect(within(row('Layanan 4')).getByRole('textbox', { name: /Nama layanan/ })).toHaveValue('Layanan Mikrodata');
    await user.click(screen.getByRole('button', { name: 'Simpan layanan' }));

    expect(await screen.findByText('Layanan tatap muka disimpan.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      services: [
        { code: 'konsultasi', name: 'Konsultasi Data', prefix: 'K', active: true },
        { code: 'perpustakaan', name: 'Perpustakaan', prefix: 'P', active: true },
        { code: 'penjualan', name: 'Penjualan Produk Statistik', prefix: 'J', active: false },
        { code: 'mikrodata', name: 'Layanan Mikrodata', prefix: 'M', active: true },
        { code: 'rekomendasi', name: 'Rekomendasi Kegiatan Statistik', prefix: 'R', active: true },
      ],
    });
    // Saved: the new row's code is now fixed and it can no longer be removed, only switched off.
    await waitFor(() => expect(within(row('Layanan 4')).getByRole('textbox', { name: /Kode/ })).toHaveAttribute('readonly'));
    expect(within(row('Layanan 4')).queryByRole('button', { name: 'Hapus Layanan 4' })).not.toBeInTheDocument();
  });

  it('shows the server’s refusals at their rows, and one of the whole list above the buttons', async () => {
    const user = userEvent.setup();
    serve({
      'PUT /api/v1/units/3375/walkin/services': () =>
        problem(422, 'validation_failed', { 'services[1].name': ['must be 1 to 100 characters'], services: ['`P` appears twice'] }),
    });
    renderWithProviders(<WalkinSetup unitCode="3375" />);

    await screen.findByRole('group', { name: 'Layanan 1' });
    await user.click(screen.getByRole('button', { name: 'Simpan layanan' }));
    const second = within(row('Layanan 2')).getByRole('textbox', { name: /Nama layanan/ });
    await waitFor(() => expect(second).toHaveAccessibleDescription('must be 1 to 100 characters'));
    const services = screen.getByRole('region', { name: 'Layanan' });
    expect(within(services).getByRole('alert')).toHaveTextContent('`P` appears twice');
    expect(within(services).getAllByRole('alert')).toHaveLength(1);
  });

  it('adds a desk that calls the services chosen, and shows which desk the server refuses', async () => {
    const user = userEvent.setup();
    let answer = () => problem(422, 'validation_failed', { 'desks[3].services': ['`penjualan` is not an active service of the unit'] });
    const { calls } = serve({ 'PUT /api/v1/units/3375/walkin/desks': () => answer() });
    renderWithProviders(<WalkinSetup unitCode="3375" />);

    await screen.findByRole('group', { name: 'Meja 1' });
    await user.click(screen.getByRole('button', { name: 'Tambah meja' }));
    const added = row('Meja 4');
    await user.type(within(added).getByRole('textbox', { name: /Nama meja/ }), 'Meja Prioritas');
    await user.type(within(added).getByRole('textbox', { name: /Kode/ }), 'meja-1');
    await user.click(screen.getByRole('button', { name: 'Simpan meja' }));
    expect(await within(added).findByText('Kode ini sudah dipakai di baris lain.')).toBeInTheDocument();
    expect(within(added).getByText('Pilih minimal satu layanan.')).toBeInTheDocument();

    const code = within(added).getByRole('textbox', { name: /Kode/ });
    await user.clear(code);
    await user.type(code, 'meja-prioritas');
    await user.click(within(added).getByRole('checkbox', { name: 'Konsultasi Statistik' }));
    await user.click(within(added).getByRole('checkbox', { name: 'Penjualan Produk Statistik' }));
    await user.click(within(row('Meja 2')).getByRole('switch', { name: 'Aktif' }));
    await user.click(screen.getByRole('button', { name: 'Simpan meja' }));
    expect(await within(added).findByText('`penjualan` is not an active service of the unit')).toBeInTheDocument();

    answer = () => json(200, { items: [...walkinDesks, { code: 'meja-prioritas', name: 'Meja Prioritas', services: ['konsultasi'], active: true }] });
    await user.click(within(added).getByRole('checkbox', { name: 'Penjualan Produk Statistik' }));
    await user.click(screen.getByRole('button', { name: 'Simpan meja' }));
    expect(await screen.findByText('Meja layanan disimpan.')).toBeInTheDocument();
    const puts = calls.filter((c) => c.method === 'PUT');
    expect(puts[1]?.body).toEqual({
      desks: [
        { code: 'meja-1', name: 'Meja 1', services: ['konsultasi', 'rekomendasi'], active: true },
        { code: 'meja-2', name: 'Meja 2', services: ['konsultasi', 'rekomendasi'], active: false },
        { code: 'meja-3', name: 'Meja 3', services: ['perpustakaan', 'penjualan', 'konsultasi'], active: true },
        { code: 'meja-prioritas', name: 'Meja Prioritas', services: ['konsultasi'], active: true },
      ],
    });
  });
});
