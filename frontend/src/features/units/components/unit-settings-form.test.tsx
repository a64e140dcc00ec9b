import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { json, mockApi } from '@/testing/mock-api';
import { tarakan } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

import { UnitSettingsForm } from './unit-settings-form';

describe('the unit settings form', () => {
  it('emails the officers about new consultations unless switched off, and saves the switch', async () => {
    // The settings the API leaves out at their defaults are sent spelled out.
    const saved = {
      ...tarakan.settings,
      notify_staff_on_new_consultation: false,
      walkin_priority_run: 2,
      walkin_no_show_after_calls: 2,
      walkin_remote_tickets: false,
      office_opens_at: '08:00',
      office_closes_at: '16:00',
      follow_up_below_score: 2,
      complaint_verify_working_days: 3,
      complaint_respond_working_days: 5,
      complaint_auto_close_working_days: 10,
      feedback_report_schedule: 'off',
      auto_assign: 'off',
    };
    const { calls } = mockApi({ 'PUT /api/v1/units/6571/settings': () => json(200, saved) });
    renderWithProviders(<UnitSettingsForm unitCode="6571" settings={tarakan.settings} />);
    const user = userEvent.setup();

    const notify = screen.getByRole('switch', { name: /^Kirim email ke petugas saat ada konsultasi baru/ });
    expect(notify).toBeChecked();
    await user.click(notify);
    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByText('Pengaturan unit disimpan.')).toBeInTheDocument();
    expect(calls[0]?.body).toEqual(saved);
    await waitFor(() => expect(screen.getByRole('switch', { name: /Kirim email/ })).not.toBeChecked());
  });

  it('turns on the automatic assignment of new consultations in turn', async () => {
    const { calls } = mockApi({
      'PUT /api/v1/units/6571/settings': async (request) => json(200, await request.json()),
    });
    renderWithProviders(<UnitSettingsForm unitCode="6571" settings={tarakan.settings} />);
    const user = userEvent.setup();

    await user.click(screen.getByRole('combobox', { name: /^Penugasan otomatis konsultasi baru/ }));
    await user.click(await screen.findByRole('option', { name: 'Bergilir', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByText('Pengaturan unit disimpan.')).toBeInTheDocument();
    expect((calls[0]?.body as { auto_assign: string }).auto_assign).toBe('round_robin');
  });

  it('schedules the feedback-analysis report emailed to the supervisors', async () => {
    const { calls } = mockApi({
      'PUT /api/v1/units/6571/settings': async (request) => json(200, await request.json()),
    });
    renderWithProviders(<UnitSettingsForm unitCode="6571" settings={tarakan.settings} />);
    const user = userEvent.setup();

    const schedule = screen.getByRole('combobox', { name: /^Laporan analisis umpan balik otomatis/ });
    expect(schedule).toHaveValue('Tidak dikirim otomatis');
    await user.click(schedule);
    await user.click(await screen.findByRole('option', { name: 'Setiap kuartal', hidden: true }));
    await user.click(screen.getByRole('button', { name: 'Simpan' }));

    expect(await screen.findByText('Pengaturan unit disimpan.')).toBeInTheDocument();
    expect(calls[0]?.body).toMatchObject({ feedback_report_schedule: 'quarterly' });
  });

  it('sets the working days a complaint has to be verified and answered in, on the working-day calendar', async () => {
    const { calls } = mockApi({
      'PUT /api/v1/units/6571/settings': async (request) => json(200, await request.json()),
    });
    renderWithProviders(<UnitSettingsForm unitCode="6571" settings={tarakan.settings} />);
    const user = userEvent.setup();

    const respond = screen.getByRole('textbox', { name: 'Hari kerja untuk menanggapi pengaduan' });
    expect(respond).toHaveValue('5');
    await user.clear(respond);
    await user.type(respond, '7');
    await user.click(screen.getByRole('button', { name: 'Simpan' }));
    expect(await screen.findByText('Pengaturan unit disimpan.')).toBeInTheDocument();
    expect(calls[0]?.body).toMatchObject({ complaint_verify_working_days: 3, complaint_respond_working_days: 7 });
  });
});
