import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { units } from '@/testing/fixtures';
import { json, mockApi, problem } from '@/testing/mock-api';
import { contactedThread } from '@/testing/rating-fixtures';
import { renderWithProviders } from '@/testing/render';

import { ReplyByLink } from './reply-by-link';

const byCode = new Map(units.map((u) => [u.code, u]));
const id = contactedThread.id;
// The respondent's own view: the server leaves the respondent out.
const ownThread = { ...contactedThread, respondent: null };

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the follow-up link emailed to a respondent', () => {
  it('shows the unit’s messages and sends the reply with the link’s token, without a login', async () => {
    const { calls } = mockApi({
      [`GET /api/v1/ratings/${id}`]: () => json(200, ownThread),
      [`POST /api/v1/ratings/${id}/replies`]: () => json(201, ownThread),
    });
    renderWithProviders(<ReplyByLink ratingId={id} token="t0ken" units={byCode} />);
    const user = userEvent.setup();

    const thread = await screen.findByRole('region', { name: 'Tindak lanjut' });
    expect(within(thread).getAllByRole('listitem')[0]).toHaveTextContent(/^Petugas unit · .*WITA/);
    expect(within(thread).getAllByRole('listitem')[1]).toHaveTextContent(/^Anda · /);
    const reply = screen.getByRole('region', { name: 'Balas petugas' });
    await user.click(within(reply).getByRole('textbox', { name: /Balasan Anda/ }));
    await user.paste('Datanya sudah cukup, terima kasih.');
    await user.click(within(reply).getByRole('button', { name: 'Kirim balasan' }));

    expect(await screen.findByText('Balasan Anda terkirim. Terima kasih.')).toBeInTheDocument();
    const sent = calls.find((c) => c.method === 'POST');
    expect(sent?.search).toBe('?token=t0ken');
    expect(sent?.authorization).toBeNull();
    expect(sent?.body).toEqual({ body: 'Datanya sudah cukup, terima kasih.' });
    expect(calls[0]?.search).toBe('?token=t0ken');
  });

  it('says the link no longer works when its token is expired or wrong', async () => {
    mockApi({ [`GET /api/v1/ratings/${id}`]: () => problem(401, 'invalid_token') });
    renderWithProviders(<ReplyByLink ratingId={id} token="old" units={byCode} />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Tautan tidak dapat digunakan');
    expect(screen.queryByRole('region', { name: 'Balas petugas' })).not.toBeInTheDocument();
  });

  it('offers no reply once the unit has resolved the follow-up', async () => {
    mockApi({ [`GET /api/v1/ratings/${id}`]: () => json(200, { ...ownThread, follow_up_state: 'resolved' }) });
    renderWithProviders(<ReplyByLink ratingId={id} token="t0ken" units={byCode} />);

    expect(await screen.findByText('Tindak lanjut ini sudah diselesaikan oleh unit.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Balas petugas' })).not.toBeInTheDocument();
  });
});
