import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { ConsultationDetail } from '@/lib/api/types';
import { i18n } from '@/lib/i18n';
import { session } from '@/lib/auth/session';
import { json, mockApi } from '@/testing/mock-api';
import { officer, page, publicUser, units, waitingConsultation } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

import { ConsultationTable } from './consultation-table';
import { ConversationView } from './conversation-view';
import { MyConsultationList } from './my-consultation-list';

const unitsByCode = new Map(units.map((u) => [u.code, u]));

/** A consultation held at Banjarnegara's desk and recorded by the officer: closed and answered. */
const atDesk: ConsultationDetail = {
  ...waitingConsultation,
  id: '0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e80',
  number: '3304-2026-000124',
  subject: 'Definisi pengangguran terbuka',
  status: 'closed',
  resolution: 'answered',
  queue_position: null,
  assignee: { id: officer.id, full_name: officer.full_name },
  closed_at: '2026-11-22T03:00:00Z',
  channel: 'walk_in',
};

describe('the channel of a consultation', () => {
  it('tells the visitor which of their consultations were held at a desk, in both languages', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    mockApi({ 'GET /api/v1/consultations': () => json(200, page([atDesk, waitingConsultation], 10)) });
    renderWithProviders(<MyConsultationList units={unitsByCode} />);

    const desk = await screen.findByRole('article', { name: atDesk.subject });
    expect(within(desk).getByText('Tatap muka')).toBeInTheDocument();
    expect(within(desk).getByText('Selesai · Terjawab')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: waitingConsultation.subject })).getByText('Daring')).toBeInTheDocument();

    await i18n.changeLanguage('en');
    expect(await within(desk).findByText('In person')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: waitingConsultation.subject })).getByText('Online')).toBeInTheDocument();
  });

  it('marks the staff list’s rows by channel', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    mockApi({ 'GET /api/v1/consultations': () => json(200, page([atDesk, waitingConsultation], 20)) });
    renderWithProviders(
      <ConsultationTable query={{ page: 1, perPage: 20 }} onPage={() => {}} units={unitsByCode} showUnit={false} emptyText="—" />,
    );

    // The wide table's row and the phone's card both say it.
    const rows = await screen.findAllByRole('row');
    const deskRow = rows.find((row) => within(row).queryByText(atDesk.subject));
    expect(deskRow && within(deskRow).getByText('Tatap muka')).toBeInTheDocument();
    const onlineRow = rows.find((row) => within(row).queryByText(waitingConsultation.subject));
    expect(onlineRow && within(onlineRow).getByText('Daring')).toBeInTheDocument();
    expect(within(screen.getByRole('article', { name: atDesk.subject })).getByText('Tatap muka')).toBeInTheDocument();
  });

  it('says on the consultation’s page that it was held at the desk', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    mockApi({
      [`GET /api/v1/consultations/${atDesk.id}`]: () => json(200, atDesk),
      [`GET /api/v1/consultations/${atDesk.id}/messages`]: () => json(200, page([], 100)),
      [`POST /api/v1/consultations/${atDesk.id}/read`]: () => new Response(null, { status: 204 }),
    });
    renderWithProviders(
      <ConversationView consultationId={atDesk.id} viewer={publicUser} units={unitsByCode} back={{ to: '/consultations', label: 'Konsultasi saya' }} />,
    );

    const summary = await screen.findByRole('region', { name: atDesk.subject });
    expect(within(summary).getByText('Tatap muka')).toBeInTheDocument();
    expect(within(summary).getByText('Konsultasi ini berlangsung di meja layanan unit dan dicatat oleh petugas.')).toBeInTheDocument();
  });
});
