import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { json, mockApi, problem } from '@/testing/mock-api';
import { activeConsultation, draftArticle, message, publicUser } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

import { PromoteButton } from './promote-button';

const id = activeConsultation.id;
const question = message({ id: '0192f0c4-0001-7000-8000-000000000001', body: 'Apakah ada data per kecamatan?', sender_id: publicUser.id, sender_role: 'public', sender_name: publicUser.full_name });
const greeting = message({ id: '0192f0c4-0002-7000-8000-000000000002', body: 'Selamat siang, sebentar saya cek.' });
const answer = message({ id: '0192f0c4-0003-7000-8000-000000000003', body: 'Angka kemiskinan resmi dihitung sampai kabupaten.' });

async function openDialog() {
  const user = userEvent.setup();
  await user.click(screen.getByRole('button', { name: 'Jadikan artikel' }));
  return { user, dialog: await screen.findByRole('dialog', { name: 'Jadikan artikel basis pengetahuan' }) };
}

describe('promoting a consultation to the knowledge base', () => {
  it('offers the officers’ messages, all ticked, and leaves the choice to the API when all stay ticked', async () => {
    const { calls } = mockApi({ [`POST /api/v1/consultations/${id}/promote`]: () => json(201, draftArticle) });
    const onPromoted = vi.fn();
    renderWithProviders(<PromoteButton consultationId={id} messages={[question, greeting, answer]} timeZone="Asia/Jakarta" onPromoted={onPromoted} />);
    const { user, dialog } = await openDialog();

    const boxes = within(dialog).getAllByRole('checkbox');
    expect(boxes).toHaveLength(2);
    expect(boxes.every((box) => box.getAttribute('aria-checked') === 'true')).toBe(true);
    await user.click(within(dialog).getByRole('button', { name: 'Buat draf' }));

    await waitFor(() => expect(onPromoted).toHaveBeenCalledWith(draftArticle));
    expect(calls[0]?.body).toEqual({});
  });

  it('sends only the ticked final answers', async () => {
    const { calls } = mockApi({ [`POST /api/v1/consultations/${id}/promote`]: () => json(201, draftArticle) });
    renderWithProviders(<PromoteButton consultationId={id} messages={[question, greeting, answer]} timeZone="Asia/Jakarta" onPromoted={vi.fn()} />);
    const { user, dialog } = await openDialog();

    await user.click(within(dialog).getByRole('checkbox', { name: greeting.body }));
    await user.click(within(dialog).getByRole('button', { name: 'Buat draf' }));

    await waitFor(() => expect(calls).toHaveLength(1));
    expect(calls[0]?.body).toEqual({ message_ids: [answer.id] });
  });

  it('says why when there is nothing to promote', async () => {
    mockApi({ [`POST /api/v1/consultations/${id}/promote`]: () => problem(409, 'invalid_state') });
    renderWithProviders(<PromoteButton consultationId={id} messages={[answer]} timeZone="Asia/Jakarta" onPromoted={vi.fn()} />);
    const { user, dialog } = await openDialog();

    await user.click(within(dialog).getByRole('checkbox', { name: answer.body }));
    expect(within(dialog).getByRole('button', { name: 'Buat draf' })).toBeDisabled();
    await user.click(within(dialog).getByRole('checkbox', { name: answer.body }));
    await user.click(within(dialog).getByRole('button', { name: 'Buat draf' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Status konsultasi tidak memungkinkan tindakan ini');
  });
});
