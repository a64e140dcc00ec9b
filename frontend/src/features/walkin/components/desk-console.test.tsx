import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import type { Ticket } from '@/lib/api/types';
import { userOnFakeClock } from '@/testing/fake-clock';
import { fakeSockets } from '@/testing/fake-socket';
import { json, mockApi, problem } from '@/testing/mock-api';
import { page, waitingConsultation } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';
import { board, ticket, walkinDesks, walkinServices } from '@/testing/walkin-fixtures';

import { DeskConsole } from './desk-console';

const NOW = new Date('2026-12-02T02:00:00Z');
const meja1 = { code: 'meja-1', name: 'Meja 1' };
// Taken 9 minutes ago: amber against a 10-minute standard. The other, 2 minutes ago.
const k1 = ticket({ id: '0192f0c4-0000-7000-8000-000000000001', number: 'K-001', taken_at: '2026-12-02T01:51:00Z' });
const p1 = ticket({ id: '0192f0c4-0000-7000-8000-000000000002', number: 'P-001', service: 'perpustakaan', service_name: 'Perpustakaan', taken_at: '2026-12-02T01:58:00Z', priority: 'elderly' });
const late = ticket({ id: '0192f0c4-0000-7000-8000-000000000003', number: 'R-001', service: 'rekomendasi', service_name: 'Rekomendasi Kegiatan Statistik', taken_at: '2026-12-02T01:45:00Z' });

/** The unit's walk-in API as the console sees it; `state.tickets` is what the next list answers. */
function serve() {
  const state = { tickets: [k1, p1, late] };
  const put = (next: Ticket) => {
    state.tickets = state.tickets.map((t) => (t.id === next.id ? next : t));
    return json(200, next);
  };
  const called = { ...k1, status: 'called' as const, position: null, ahead: null, desk: meja1, called_at: NOW.toISOString(), call_count: 1, standard_wait_minutes: 9, breach: false };
  const handlers = {
    'GET /api/v1/units/3375/walkin/services': () => json(200, { items: walkinServices }),
    'GET /api/v1/units/3375/walkin/desks': () => json(200, { items: walkinDesks }),
    'GET /api/v1/units/3375/walkin/board': () => json(200, board()),
    'GET /api/v1/units/3375/walkin/tickets': () => json(200, page(state.tickets, 100)),
    'POST /api/v1/units/3375/walkin/call-next': () => put(called),
    [`POST /api/v1/walkin/tickets/${k1.id}/start`]: () => put({ ...called, status: 'serving', started_at: NOW.toISOString() }),
    [`POST /api/v1/walkin/tickets/${k1.id}/finish`]: () => put({ ...called, status: 'finished', finished_at: NOW.toISOString() }),
    [`POST /api/v1/walkin/tickets/${k1.id}/no-show`]: () => problem(409, 'not_called_enough'),
  };
  return { state, called, handlers };
}

describe('the desk console', () => {
  it('calls the next visitor to the chosen desk, starts and finishes the service with a note', async () => {
    const user = userOnFakeClock();
    vi.setSystemTime(NOW);
    const { handlers } = serve();
    const { calls } = mockApi(handlers);
    const sockets = fakeSockets();
    renderWithProviders(<DeskConsole unitCode="3375" maxWaitMinutes={10} createSocket={sockets.create} />);

    expect(await screen.findByText('Pilih meja tempat Anda bertugas. Pilihan disimpan di perangkat ini.')).toBeInTheDocument();
    const consultation = await screen.findByRole('region', { name: 'Konsultasi Statistik' });
    expect(within(consultation).getByText('K-001')).toBeInTheDocument();
    // Waits turn amber from 80 % of the unit's 10 minutes and red beyond them.
    expect(within(consultation).getByLabelText('Menunggu 09:00, mendekati batas waktu layanan')).toHaveAttribute('data-level', 'near');
    expect(within(screen.getByRole('region', { name: 'Perpustakaan' })).getByLabelText('Menunggu 02:00')).toHaveAttribute('data-level', 'ok');
    expect(within(screen.getByRole('region', { name: 'Rekomendasi Kegiatan Statistik' })).getByLabelText('Menunggu 15:00, melewati batas waktu layanan')).toHaveAttribute('data-level', 'over');
    expect(within(screen.getByRole('region', { name: 'Perpustakaan' })).getByText('Lansia')).toBeInTheDocument();

    await user.click(screen.getByRole('combobox', { name: 'Meja' }));
    await user.click(await screen.findByRole('option', { name: 'Meja 1', hidden: true }));
    expect(localStorage.getItem('statkonsul.walkinDesk.3375')).toBe('meja-1');
    expect(await screen.findByText('Meja 1 sedang kosong.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Panggil berikutnya' }));
    const current = await screen.findByRole('region', { name: 'Pengunjung di meja ini' });
    expect(within(current).getByText('K-001')).toBeInTheDocument();
    expect(within(current).getByText('Dipanggil')).toBeInTheDocument();
    expect(within(current).getByText('Dipanggil 1 kali')).toBeInTheDocument();
    expect(calls.find((c) => c.path.endsWith('/call-next'))?.body).toEqual({ desk: 'meja-1' });

    // The call's live timer runs on the clock.
    act(() => {
      vi.advanceTimersByTime(65_000);
    });
    expect(await within(current).findByLabelText(/^Menunggu 01:0\d$/)).toBeInTheDocument();

    await user.click(within(current).getByRole('button', { name: 'Mulai layani' }));
    expect(await within(current).findByText('Sedang dilayani')).toBeInTheDocument();
    await user.type(within(current).getByRole('textbox', { name: /Catatan layanan/ }), 'Data kemiskinan per kecamatan');
    await user.click(within(current).getByRole('button', { name: 'Selesai' }));
    expect(await screen.findByText('Layanan untuk K-001 selesai.')).toBeInTheDocument();
    expect(calls.find((c) => c.path.endsWith('/finish'))?.body).toEqual({ note: 'Data kemiskinan per kecamatan' });
    expect(await screen.findByText('Meja 1 sedang kosong.')).toBeInTheDocument();
  });

  it('says in Indonesian why a desk cannot call or mark a visitor absent yet', async () => {
    const user = userOnFakeClock();
    vi.setSystemTime(NOW);
    localStorage.setItem('statkonsul.walkinDesk.3375', 'meja-1');
    const { handlers, called, state } = serve();
    let answer = problem(409, 'desk_busy');
    mockApi({ ...handlers, 'POST /api/v1/units/3375/walkin/call-next': () => answer.clone() });
    const sockets = fakeSockets();
    renderWithProviders(<DeskConsole unitCode="3375" maxWaitMinutes={10} createSocket={sockets.create} />);

    await user.click(await screen.findByRole('button', { name: 'Panggil berikutnya' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Meja ini masih memanggil atau melayani pengunjung.');

    answer = problem(404, 'queue_empty');
    await user.click(screen.getByRole('button', { name: 'Panggil berikutnya' }));
    expect(await screen.findByText('Tidak ada pengunjung yang menunggu untuk layanan meja ini.')).toBeInTheDocument();

    // Someone else called K-001 to this desk: the board's push makes the console fetch it.
    state.tickets = [called, p1];
    act(() => {
      sockets.latest()?.open();
      sockets.latest()?.onmessage?.(new MessageEvent('message', { data: JSON.stringify({ type: 'walkin.board', unit_code: '3375', data: board() }) }));
    });
    await screen.findByText('Dipanggil 1 kali');
    const current = screen.getByRole('region', { name: 'Pengunjung di meja ini' });
    await user.click(within(current).getByRole('button', { name: 'Tidak hadir' }));
    expect(await screen.findByText(/Pengunjung belum dipanggil cukup kali/)).toBeInTheDocument();
    await waitFor(() => expect(within(current).getByText('K-001')).toBeInTheDocument());
  });

  it('records the consultation of the visitor at the desk, and of one it finished earlier, then stops offering it', async () => {
    const user = userOnFakeClock();
    vi.setSystemTime(NOW);
    localStorage.setItem('statkonsul.walkinDesk.3375', 'meja-1');
    const { handlers, called, state } = serve();
    const serving = { ...called, status: 'serving' as const, started_at: NOW.toISOString() };
    const earlier = { ...late, status: 'finished' as const, position: null, ahead: null, desk: meja1, finished_at: '2026-12-02T01:55:00Z' };
    const elsewhere = { ...p1, status: 'finished' as const, position: null, ahead: null, desk: { code: 'meja-3', name: 'Meja 3' }, finished_at: '2026-12-02T01:59:00Z' };
    state.tickets = [serving, earlier, elsewhere];
    const recorded = { ...waitingConsultation, id: '0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e71', number: '3375-2026-000043', unit_code: '3375', channel: 'walk_in' as const };
    const record = (id: string) => () => {
      state.tickets = state.tickets.map((t) => (t.id === id ? { ...t, consultation_id: recorded.id } : t));
      return json(201, recorded);
    };
    const { calls } = mockApi({
      ...handlers,
      [`POST /api/v1/walkin/tickets/${k1.id}/consultation`]: record(k1.id),
      [`POST /api/v1/walkin/tickets/${late.id}/consultation`]: record(late.id),
    });
    renderWithProviders(<DeskConsole unitCode="3375" maxWaitMinutes={10} createSocket={fakeSockets().create} />);

    const current = await screen.findByRole('region', { name: 'Pengunjung di meja ini' });
    // Only this desk's finished visits wait for their record.
    const unrecorded = screen.getByRole('region', { name: 'Konsultasi belum dicatat' });
    expect(within(unrecorded).getByText('R-001')).toBeInTheDocument();
    expect(within(unrecorded).queryByText('P-001')).not.toBeInTheDocument();

    await user.click(within(current).getByRole('button', { name: 'Catat konsultasi' }));
    const dialog = await screen.findByRole('dialog', { name: 'Catat konsultasi K-001' });
    await user.click(within(dialog).getByRole('combobox', { name: /Kategori/ }));
    await user.click(await screen.findByRole('option', { name: 'Metadata', hidden: true }));
    await user.type(within(dialog).getByRole('textbox', { name: /Judul/ }), 'Definisi pengangguran');
    await user.type(within(dialog).getByRole('textbox', { name: /Pertanyaan pengunjung/ }), 'Apa definisi pengangguran terbuka menurut BPS?');
    await user.type(within(dialog).getByRole('textbox', { name: /Jawaban yang diberikan/ }), 'Penduduk angkatan kerja yang tidak bekerja dan mencari pekerjaan.');
    await user.click(within(dialog).getByRole('button', { name: 'Simpan konsultasi' }));
    expect(await within(dialog).findByRole('link', { name: 'Buka konsultasi' })).toHaveAttribute('href', `/staff/consultations/${recorded.id}`);
    expect(calls.find((c) => c.path.endsWith(`${k1.id}/consultation`))?.body).toMatchObject({ category: 'metadata', referral: null });
    await user.click(within(dialog).getByRole('button', { name: 'Tutup' }));

    // Recorded: the card links to the consultation instead of offering to record it again.
    await waitFor(() => expect(within(current).queryByRole('button', { name: 'Catat konsultasi' })).not.toBeInTheDocument());
    expect(within(current).getByText('Konsultasi tercatat')).toBeInTheDocument();
    expect(within(current).getByRole('link', { name: 'Buka konsultasi' })).toHaveAttribute('href', `/staff/consultations/${recorded.id}`);

    await user.click(within(unrecorded).getByRole('button', { name: 'Catat konsultasi R-001' }));
    const second = await screen.findByRole('dialog', { name: 'Catat konsultasi R-001' });
    await user.click(within(second).getByRole('combobox', { name: /Kategori/ }));
    await user.click(await screen.findByRole('option', { name: 'Klasifikasi', hidden: true }));
    await user.type(within(second).getByRole('textbox', { name: /Judul/ }), 'Klasifikasi lapangan usaha');
    await user.type(within(second).getByRole('textbox', { name: /Pertanyaan pengunjung/ }), 'Kode KBLI untuk usaha katering rumahan?');
    await user.type(within(second).getByRole('textbox', { name: /Jawaban yang diberikan/ }), 'KBLI 56210, jasa boga untuk suatu event tertentu.');
    await user.click(within(second).getByRole('button', { name: 'Simpan konsultasi' }));
    await within(second).findByRole('status');
    await user.click(within(second).getByRole('button', { name: 'Tutup' }));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Konsultasi belum dicatat' })).not.toBeInTheDocument());
  });
});
