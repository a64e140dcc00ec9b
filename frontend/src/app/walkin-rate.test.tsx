import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';

import { paths } from '@/config/paths';
import { json, mockApi, problem } from '@/testing/mock-api';
import { renderRoutes } from '@/testing/render';

import { routes } from './router';

const id = '0192f0c4-0000-7000-8000-0000000000a1';
const url = `/api/v1/walkin/tickets/${id}/rating`;

async function answerEverything(user: ReturnType<typeof userEvent.setup>) {
  const groups = within(await screen.findByRole('region', { name: 'Nilai layanan ini' })).getAllByRole('radiogroup');
  expect(groups).toHaveLength(9);
  for (const group of groups) await user.click(within(group).getByRole('radio', { name: /\(4\)$/ }));
}

describe('the walk-in rating link', () => {
  it('sends the survey with the link’s token, without a login, then thanks the visitor', async () => {
    const { calls } = mockApi({ [`POST ${url}`]: () => json(201, {}) });
    renderRoutes(routes, paths.walkinRate(id, 't0ken'));
    const user = userEvent.setup();

    expect(await screen.findByRole('heading', { level: 1, name: 'Penilaian layanan tatap muka' })).toBeInTheDocument();
    await answerEverything(user);
    await user.click(screen.getByRole('textbox', { name: /Saran dan masukan/ }));
    await user.paste('Petugas ramah.');
    await user.click(screen.getByRole('button', { name: 'Kirim penilaian' }));

    expect(await screen.findByText('Terima kasih atas penilaian Anda')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Nilai layanan ini' })).not.toBeInTheDocument();
    const sent = calls.find((call) => call.method === 'POST');
    expect(sent?.path).toBe(url);
    expect(sent?.search).toBe('?token=t0ken');
    expect(sent?.authorization).toBeNull();
    expect(sent?.body).toEqual({
      scores: { u1: 4, u2: 4, u3: 4, u4: 4, u5: 4, u6: 4, u7: 4, u8: 4, u9: 4 },
      comment: 'Petugas ramah.',
    });
  });

  it('says the link has expired or was used when the token is refused', async () => {
    mockApi({ [`POST ${url}`]: () => problem(400, 'invalid_token') });
    renderRoutes(routes, paths.walkinRate(id, 'old'));
    const user = userEvent.setup();

    await answerEverything(user);
    await user.click(screen.getByRole('button', { name: 'Kirim penilaian' }));

    expect(await screen.findByText('Tautan penilaian ini sudah kedaluwarsa atau sudah digunakan.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Nilai layanan ini' })).not.toBeInTheDocument();
  });

  it('says the visit was rated already', async () => {
    mockApi({ [`POST ${url}`]: () => problem(409, 'already_rated') });
    renderRoutes(routes, paths.walkinRate(id, 't0ken'));
    const user = userEvent.setup();

    await answerEverything(user);
    await user.click(screen.getByRole('button', { name: 'Kirim penilaian' }));

    expect(await screen.findByText('Kunjungan ini sudah dinilai. Terima kasih atas penilaian Anda.')).toBeInTheDocument();
  });

  it('asks for the emailed link again when the token is missing', async () => {
    mockApi({});
    renderRoutes(routes, `/walkin/tickets/${id}/rate`);
    expect(await screen.findByText('Tautan penilaian tidak lengkap. Buka kembali tautan dari email Anda.')).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Nilai layanan ini' })).not.toBeInTheDocument();
  });
});
