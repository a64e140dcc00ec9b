import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import type { Me } from '@/lib/api/types';
import { receivedComplaint } from '@/testing/complaint-fixtures';
import { supervisor as tarakanSupervisor } from '@/testing/fixtures';
import { json, mockApi } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';

import { ComplaintDesk } from './complaint-desk';

const supervisor: Me = { ...tarakanSupervisor, unit_code: '3375', email: 'supervisor.3375@statkonsul.test' };
const { events: _events, ...listed } = receivedComplaint;
const overdue = { ...listed, id: '0193a1b2-0000-7000-8000-000000000002', subject: 'Antrean lama', overdue: true };

const render = (route: string) =>
  renderWithProviders(<ComplaintDesk viewer={supervisor} zoneOf={() => 'Asia/Jakarta'} severalUnits={false} />, { route });

describe('the complaint desk', () => {
  it('lists with the filters a report’s link carries, and marks the overdue ones', async () => {
    const { calls } = mockApi({ 'GET /api/v1/complaints': () => json(200, { items: [overdue, listed], total: 2, page: 1, per_page: 20 }) });
    const { router } = render('/staff/complaints?unit=3375&from=2026-11-01&to=2026-11-30&kind=complaint&channel=web&overdue=true');

    expect((await screen.findAllByText('Antrean lama')).length).toBeGreaterThan(0);
    const query = new URLSearchParams(calls[0]?.search);
    expect(Object.fromEntries(query)).toEqual({
      unit: '3375',
      from: '2026-11-01',
      to: '2026-11-30',
      kind: 'complaint',
      channel: 'web',
      overdue: 'true',
      page: '1',
      per_page: '20',
    });
    expect(screen.getByLabelText('Diterima sejak')).toHaveValue('2026-11-01');
    expect(screen.getByRole('combobox', { name: 'Jenis' })).toHaveValue('Pengaduan');
    expect(screen.getAllByText('Lewat tenggat', { selector: '.mantine-Badge-label' }).length).toBeGreaterThan(0);
    expect(screen.getByText('2 pengaduan')).toBeInTheDocument();
    expect(router.state.location.search).toContain('overdue=true');
  });

  it('keeps a changed filter in the URL and asks the server again', async () => {
    const { calls } = mockApi({ 'GET /api/v1/complaints': () => json(200, { items: [], total: 0, page: 1, per_page: 20 }) });
    const { router } = render('/staff/complaints?kind=suggestion');
    expect(await screen.findByText('Tidak ada pengaduan yang cocok dengan filter ini.')).toBeInTheDocument();

    const user = userEvent.setup();
    await user.click(screen.getByRole('combobox', { name: 'Status' }));
    await user.click(await screen.findByRole('option', { name: 'Sudah ditanggapi', hidden: true }));

    await waitFor(() => expect(router.state.location.search).toBe('?kind=suggestion&status=responded'));
    await waitFor(() => expect(new URLSearchParams(calls.at(-1)?.search).get('status')).toBe('responded'));

    await user.click(screen.getByRole('button', { name: 'Hapus semua filter' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('records a complaint that came through LAPOR!, with its reference and the day it came in', async () => {
    const { calls } = mockApi({
      'GET /api/v1/complaints': () => json(200, { items: [], total: 0, page: 1, per_page: 20 }),
      'POST /api/v1/complaints': () =>
        json(201, { tracking_code: 'ADU-3375-LAPOR0000001', tracking_url: 'http://x/complaints/track/ADU-3375-LAPOR0000001', status: 'received', confirmation_required: false }),
    });
    render('/staff/complaints');
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Catat pengaduan' }));
    const dialog = await screen.findByRole('dialog', { name: 'Catat pengaduan dari kanal lain' });

    const channel = within(dialog).getByRole('combobox', { name: /^Kanal/ });
    await user.click(channel);
    await waitFor(() => expect(channel).toHaveAttribute('aria-controls'));
    const choices = document.getElementById(channel.getAttribute('aria-controls') ?? '') as HTMLElement;
    await user.click(within(choices).getByRole('option', { name: 'LAPOR!', hidden: true }));
    await user.type(within(dialog).getByRole('textbox', { name: /^Perihal/ }), 'Data tidak sesuai');
    await user.type(within(dialog).getByRole('textbox', { name: /^Uraian/ }), 'Diteruskan dari SP4N-LAPOR!.');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan pengaduan' }));
    expect(await within(dialog).findByText('Wajib diisi.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: /^Nomor tiket LAPOR!/ }), 'LAPOR-2026-123');
    await user.type(within(dialog).getByLabelText(/^Tanggal diterima/), '2026-11-28');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan pengaduan' }));

    expect(await screen.findByText('Pengaduan dicatat dengan kode ADU-3375-LAPOR0000001.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      unit_code: '3375',
      kind: 'complaint',
      subject: 'Data tidak sesuai',
      description: 'Diteruskan dari SP4N-LAPOR!.',
      channel: 'lapor',
      lapor_reference: 'LAPOR-2026-123',
      received_at: '2026-11-28',
    });
  });
});
