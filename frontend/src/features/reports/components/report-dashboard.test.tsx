import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { session } from '@/lib/auth/session';
import type { Me } from '@/lib/api/types';
import { supervisor, units } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderWithProviders } from '@/testing/render';
import { emptySatisfaction, tarakanSatisfaction, tarakanServiceLevels, tarakanVolumes } from '@/testing/report-fixtures';

import { ReportDashboard } from './report-dashboard';

type Handlers = Parameters<typeof mockApi>[0];

function serve(extra: Handlers = {}) {
  return mockApi({
    'GET /api/v1/reports/satisfaction': () => json(200, tarakanSatisfaction),
    'GET /api/v1/reports/service-levels': () => json(200, tarakanServiceLevels),
    'GET /api/v1/reports/volumes': () => json(200, tarakanVolumes),
    ...extra,
  });
}

const reportCalls = (calls: ReturnType<typeof serve>['calls'], path: string) =>
  calls.filter((c) => c.path === path).map((c) => Object.fromEntries(new URLSearchParams(c.search)));

beforeEach(() => {
  session.set({ access_token: 'access-1', refresh_token: 'refresh-1' });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the report dashboard', () => {
  it('shows the IKM with its grade, the nine elements, service levels and volumes in Indonesian numbers', async () => {
    serve();
    renderWithProviders(<ReportDashboard user={supervisor} units={units} />);

    expect(await screen.findByTestId('ikm')).toHaveTextContent('90,28');
    expect(screen.getByText('Mutu pelayanan A · Sangat Baik')).toBeInTheDocument();
    const respondents = screen.getByRole('link', { name: '8 responden' });
    expect(respondents.getAttribute('href')).toMatch(/^\/staff\/ratings\?unit=6571&from=\d{4}-\d{2}-01&to=/);

    const elements = screen.getByRole('region', { name: 'Nilai rata-rata (NRR) per unsur' });
    const u1 = within(elements).getByRole('row', { name: /U1 · Persyaratan/ });
    expect(within(u1).getAllByRole('cell').map((c) => c.textContent)).toEqual(['U1 · Persyaratan', '28', '3,5', '0,389']);
    expect(within(elements).getAllByRole('row')).toHaveLength(10);

    const levels = screen.getByRole('region', { name: 'Tingkat layanan' });
    expect(within(levels).getByText('87,5%')).toBeInTheDocument();
    expect(within(levels).getByText('42,5 menit')).toBeInTheDocument();
    expect(within(levels).getByRole('link', { name: 'Lihat pengaduan' }).getAttribute('href')).toMatch(/^\/staff\/complaints\?unit=6571&from=/);
    // The complaint deadline figures lead to the complaints past their deadline, in the same unit and period.
    for (const link of within(levels).getAllByRole('link', { name: 'Lihat yang lewat tenggat' })) {
      expect(link.getAttribute('href')).toMatch(/^\/staff\/complaints\?unit=6571&from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}&overdue=true$/);
    }
    expect(within(levels).getAllByRole('link', { name: 'Lihat yang lewat tenggat' })).toHaveLength(2);

    const volumes = await screen.findByRole('region', { name: 'Volume layanan' });
    expect(within(volumes).getByText('Total konsultasi').parentElement).toHaveTextContent('1.234');
    expect(within(volumes).getByRole('link', { name: 'Klasifikasi' }).getAttribute('href')).toMatch(
      /^\/staff\/consultations\?tab=all&unit=6571&from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}&category=classification$/,
    );
    expect(within(volumes).getByText('12,5%')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/NaN|undefined/);
  });

  it('says so when the period has no respondents, without a made-up index', async () => {
    serve({ 'GET /api/v1/reports/satisfaction': () => json(200, emptySatisfaction) });
    renderWithProviders(<ReportDashboard user={supervisor} units={units} />);

    expect(await screen.findByText('Belum ada responden pada periode ini, sehingga IKM belum dapat dihitung.')).toBeInTheDocument();
    expect(screen.queryByTestId('ikm')).not.toBeInTheDocument();
    await screen.findByRole('region', { name: 'Volume layanan' });
    expect(document.body.textContent).not.toMatch(/NaN/);
  });

  it('computes each preset period on the unit’s clock, not the browser’s', async () => {
    // 16:30 UTC on 30 September is already 00:30 on 1 October in Tarakan (WITA).
    vi.useFakeTimers({ shouldAdvanceTime: true });
    vi.setSystemTime(new Date('2026-09-30T16:30:00Z'));
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { calls } = serve();
    renderWithProviders(<ReportDashboard user={supervisor} units={units} />);

    await waitFor(() => expect(reportCalls(calls, '/api/v1/reports/satisfaction')).toHaveLength(1));
    expect(reportCalls(calls, '/api/v1/reports/satisfaction')[0]).toEqual({
      unit: '6571',
      from: '2026-10-01',
      to: '2026-10-01',
      include_children: 'false',
    });

    const expected = { 'Kuartal ini': '2026-10-01', 'Semester ini': '2026-07-01', 'Tahun ini': '2026-01-01' };
    for (const [preset, from] of Object.entries(expected)) {
      await user.click(screen.getByRole('combobox', { name: 'Periode' }));
      await user.click(await screen.findByRole('option', { name: preset, hidden: true }));
      await waitFor(() => expect(reportCalls(calls, '/api/v1/reports/satisfaction').at(-1)).toMatchObject({ from, to: '2026-10-01' }));
    }

    await user.click(screen.getByRole('combobox', { name: 'Periode' }));
    await user.click(await screen.findByRole('option', { name: 'Pilih tanggal', hidden: true }));
    const to = screen.getByLabelText('Sampai tanggal');
    await user.clear(to);
    await user.type(to, '2026-08-15');
    const from = screen.getByLabelText('Dari tanggal');
    await user.clear(from);
    await user.type(from, '2026-08-01');
    await waitFor(() =>
      expect(reportCalls(calls, '/api/v1/reports/satisfaction').at(-1)).toMatchObject({ from: '2026-08-01', to: '2026-08-15' }),
    );
  });

  it('downloads a CSV through the API with the bearer token, for the period shown', async () => {
    const user = userEvent.setup();
    const createObjectURL = vi.fn(() => 'blob:ratings');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const { calls } = serve({
      'GET /api/v1/reports/export/ratings.csv': () => new Response('id,u1\n1,4\n', { status: 200, headers: { 'Content-Type': 'text/csv' } }),
      'GET /api/v1/reports/satisfaction': (request) =>
        new URL(request.url).searchParams.get('format') === 'csv'
          ? new Response('unit,ikm\n6571,90.28\n', { status: 200, headers: { 'Content-Type': 'text/csv' } })
          : json(200, tarakanSatisfaction),
    });
    renderWithProviders(<ReportDashboard user={supervisor} units={units} />);

    await user.click(await screen.findByRole('button', { name: 'Ekspor penilaian (CSV)' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(1));
    const exported = calls.find((c) => c.path === '/api/v1/reports/export/ratings.csv');
    expect(exported?.authorization).toBe('Bearer access-1');
    const sent = Object.fromEntries(new URLSearchParams(exported?.search));
    expect(sent).toMatchObject({ unit: '6571', include_children: 'false' });
    expect(sent.from).toMatch(/^\d{4}-\d{2}-01$/);
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(click.mock.contexts[0]).toHaveProperty('download', `ratings-6571-${sent.from}-${sent.to}.csv`);

    await user.click(screen.getByRole('button', { name: 'CSV kepuasan' }));
    await waitFor(() => expect(click).toHaveBeenCalledTimes(2));
    const csv = calls.filter((c) => c.path === '/api/v1/reports/satisfaction').at(-1);
    expect(csv?.authorization).toBe('Bearer access-1');
    expect(new URLSearchParams(csv?.search).get('format')).toBe('csv');
    click.mockRestore();
  });

  it('sends the analysis report and says who received it', async () => {
    const user = userEvent.setup();
    const { calls } = serve({
      'POST /api/v1/reports/feedback-analysis/send': () =>
        json(202, { recipients: ['supervisor.6571@statkonsul.test', 'kepala.6571@statkonsul.test'], file_name: 'analisis-6571.pdf', bytes: 20480, ikm: 90.28 }),
    });
    renderWithProviders(<ReportDashboard user={supervisor} units={units} />);

    await user.click(await screen.findByRole('button', { name: 'Kirim laporan analisis' }));
    const status = await screen.findByRole('status');
    expect(status).toHaveTextContent('Laporan analisis analisis-6571.pdf dikirim ke:');
    expect(within(status).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'supervisor.6571@statkonsul.test',
      'kepala.6571@statkonsul.test',
    ]);
    const body = calls.find((c) => c.method === 'POST')?.body as { unit_code: string; from: string; to: string };
    expect(body.unit_code).toBe('6571');
    expect(body.from).toMatch(/^\d{4}-\d{2}-01$/);
  });

  it('explains a unit without supervisors to send to', async () => {
    const user = userEvent.setup();
    serve({ 'POST /api/v1/reports/feedback-analysis/send': () => problem(409, 'no_recipients') });
    renderWithProviders(<ReportDashboard user={supervisor} units={units} />);

    await user.click(await screen.findByRole('button', { name: 'Kirim laporan analisis' }));
    expect(await screen.findByText(/belum memiliki supervisor yang dapat menerima laporan analisis/)).toBeInTheDocument();
  });

  it('tells a reader without access so in plain words, with no figures', async () => {
    serve({
      'GET /api/v1/reports/satisfaction': () => problem(403, 'forbidden'),
      'GET /api/v1/reports/service-levels': () => problem(403, 'forbidden'),
      'GET /api/v1/reports/volumes': () => problem(403, 'forbidden'),
    });
    renderWithProviders(<ReportDashboard user={supervisor} units={units} />);

    expect(
      await screen.findByText('Laporan hanya tersedia untuk supervisor unit, supervisor unit di atasnya, dan admin.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Kepuasan masyarakat (SKM)' })).not.toBeInTheDocument();
  });

  it('lets a province supervisor pick a unit below and compare the units', async () => {
    const user = userEvent.setup();
    const province: Me = { ...supervisor, unit_code: '3300', email: 'supervisor.3300@statkonsul.test' };
    const unitFigures = (code: string, name: string) => ({
      unit_code: code,
      unit_name: name,
      all: tarakanSatisfaction.all,
      online: tarakanSatisfaction.online,
      walk_in: tarakanSatisfaction.walk_in,
    });
    const { calls } = serve({
      'GET /api/v1/reports/satisfaction': () =>
        json(200, {
          ...tarakanSatisfaction,
          units: [unitFigures('3300', 'BPS Provinsi Jawa Tengah'), unitFigures('3304', 'BPS Kabupaten Banjarnegara'), unitFigures('3375', 'BPS Kota Pekalongan')],
        }),
    });
    renderWithProviders(<ReportDashboard user={province} units={units} />);

    await user.click(await screen.findByRole('switch', { name: 'Sertakan unit di bawahnya' }));
    const comparison = await screen.findByRole('region', { name: 'Perbandingan unit' });
    expect(within(comparison).getByRole('rowheader', { name: '3304 · BPS Kabupaten Banjarnegara' })).toBeInTheDocument();
    expect(reportCalls(calls, '/api/v1/reports/satisfaction').at(-1)).toMatchObject({ unit: '3300', include_children: 'true' });

    await user.click(screen.getByRole('combobox', { name: 'Unit' }));
    const options = await screen.findAllByRole('option', { hidden: true });
    expect(options.map((o) => o.textContent).filter((text) => /^\d{4} · /.test(text ?? ''))).toEqual([
      '3300 · BPS Provinsi Jawa Tengah',
      '3304 · BPS Kabupaten Banjarnegara',
      '3375 · BPS Kota Pekalongan',
    ]);
    await user.click(screen.getByRole('option', { name: '3375 · BPS Kota Pekalongan', hidden: true }));
    // Pekalongan has no units below: the switch goes and the report is of the unit alone.
    await waitFor(() => expect(reportCalls(calls, '/api/v1/reports/satisfaction').at(-1)).toMatchObject({ unit: '3375', include_children: 'false' }));
    expect(screen.queryByRole('switch', { name: 'Sertakan unit di bawahnya' })).not.toBeInTheDocument();
  });
});
