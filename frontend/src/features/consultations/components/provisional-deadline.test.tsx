import { act, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import type { ConsultationDetail } from '@/lib/api/types';
import { i18n } from '@/lib/i18n';
import { session } from '@/lib/auth/session';
import { json, mockApi } from '@/testing/mock-api';
import { activeConsultation, changeOf, officer, page, publicUser, units } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

import { ConsultationTable } from './consultation-table';
import { ConversationView } from './conversation-view';

const unitsByCode = new Map(units.map((u) => [u.code, u]));
const back = { to: '/staff/consultations', label: 'Konsol konsultasi' };

/** Clarified on 28 December 2026; its deadline, 23.59 WIB on 4 January 2027, was counted before 2027's decree was loaded. */
const provisional: ConsultationDetail = {
  ...activeConsultation,
  clarified_at: '2026-12-28T03:00:00Z',
  deadline_at: '2027-01-04T16:59:59Z',
  deadline_provisional: true,
};

function serve(detail: ConsultationDetail) {
  session.set({ access_token: 'a', refresh_token: 'r' });
  return mockApi({
    [`GET /api/v1/consultations/${detail.id}`]: () => json(200, detail),
    [`GET /api/v1/consultations/${detail.id}/messages`]: () => json(200, page([], 100)),
    [`POST /api/v1/consultations/${detail.id}/read`]: () => new Response(null, { status: 204 }),
  });
}

describe('a provisional deadline', () => {
  it('is marked for staff next to the deadline, with what it lacks, in both languages', async () => {
    serve(provisional);
    renderWithProviders(<ConversationView consultationId={provisional.id} viewer={officer} units={unitsByCode} back={back} />);

    const deadline = await screen.findByRole('group', { name: 'Tenggat' });
    expect(within(deadline).getByText('Sementara: kalender libur 2027 belum dimuat')).toBeInTheDocument();
    expect(
      within(deadline).getByText(
        'Tenggat ini hanya melewati libur bertanggal tetap tahun 2027; libur nasional yang tanggalnya berubah dan cuti bersama tahun itu belum dihitung.',
      ),
    ).toBeInTheDocument();

    await i18n.changeLanguage('en');
    const inEnglish = await screen.findByRole('group', { name: 'Deadline' });
    expect(within(inEnglish).getByText('Provisional: the 2027 holiday calendar is not loaded')).toBeInTheDocument();
  });

  it('is not shown to the member of the public who asked', async () => {
    serve({ ...provisional, owner: { id: publicUser.id, full_name: publicUser.full_name } });
    renderWithProviders(
      <ConversationView consultationId={provisional.id} viewer={publicUser} units={unitsByCode} back={{ to: '/consultations', label: 'Konsultasi saya' }} />,
    );

    const deadline = await screen.findByRole('group', { name: 'Tenggat' });
    expect(within(deadline).getByText(/2027/)).toBeInTheDocument();
    expect(screen.queryByText(/Sementara/)).not.toBeInTheDocument();
    expect(screen.queryByText(/kalender libur/)).not.toBeInTheDocument();
  });

  it('goes from the staff summary as soon as a live change says the deadline is final', async () => {
    serve(provisional);
    const { sockets } = renderWithProviders(
      <ConversationView consultationId={provisional.id} viewer={officer} units={unitsByCode} back={back} />,
    );
    const deadline = await screen.findByRole('group', { name: 'Tenggat' });
    expect(within(deadline).getByText('Sementara: kalender libur 2027 belum dimuat')).toBeInTheDocument();
    await waitFor(() => expect(sockets.made).toHaveLength(1));
    const socket = sockets.latest();
    if (!socket) throw new Error('no WebSocket was opened');
    act(() => socket.open());

    const final = { ...provisional, deadline_provisional: false, updated_at: '2027-01-02T01:00:00Z' };
    act(() => socket.push({ type: 'consultation.updated', consultation_id: provisional.id, data: changeOf(final) }));

    await waitFor(() => expect(within(deadline).queryByText(/Sementara/)).not.toBeInTheDocument());
  });

  it('has a short mark with an accessible name in the staff list’s rows', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    const final = { ...activeConsultation, id: '0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e81', subject: 'Tenggat pasti', deadline_at: '2026-11-26T16:59:59Z' };
    mockApi({ 'GET /api/v1/consultations': () => json(200, page([provisional, final], 20)) });
    renderWithProviders(
      <ConsultationTable query={{ page: 1, perPage: 20 }} onPage={() => {}} units={unitsByCode} showUnit={false} emptyText="—" />,
    );

    const rows = await screen.findAllByRole('row');
    const provisionalRow = rows.find((row) => within(row).queryByText(provisional.subject));
    const finalRow = rows.find((row) => within(row).queryByText(final.subject));
    if (!provisionalRow || !finalRow) throw new Error('rows missing');
    expect(within(provisionalRow).getByRole('img', { name: 'Sementara: kalender libur 2027 belum dimuat' })).toBeInTheDocument();
    expect(within(finalRow).queryByRole('img', { name: /Sementara/ })).not.toBeInTheDocument();
    // The phone's card says it too.
    expect(
      within(screen.getByRole('article', { name: provisional.subject })).getByRole('img', { name: 'Sementara: kalender libur 2027 belum dimuat' }),
    ).toBeInTheDocument();
  });
});
