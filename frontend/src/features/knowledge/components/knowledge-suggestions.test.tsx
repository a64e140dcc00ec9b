import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';

import type { Article } from '@/lib/api/types';
import { userOnFakeClock } from '@/testing/fake-clock';
import { json, mockApi, type RecordedCall } from '@/testing/mock-api';
import { ipmArticle, searchHit } from '@/testing/fixtures';
import { renderWithProviders } from '@/testing/render';

import { KnowledgeSuggestions } from './knowledge-suggestions';

const SEARCH = 'GET /api/v1/knowledge/search';
const hit = searchHit(ipmArticle, '… <mark>IPM</mark> dihitung sebagai rata-rata geometrik …');
/** Longer than the pause in typing the suggestions wait for. */
const PAUSE_MS = 1_000;

/** The two fields the suggestions follow, as the new-consultation form has them. */
function Form({ onAnswered }: { onAnswered: (article: Article) => void }) {
  const [subject, setSubject] = useState('');
  const [question, setQuestion] = useState('');
  return (
    <>
      <label>
        Perihal
        <input value={subject} onChange={(event) => setSubject(event.currentTarget.value)} />
      </label>
      <label>
        Pertanyaan
        <textarea value={question} onChange={(event) => setQuestion(event.currentTarget.value)} />
      </label>
      <KnowledgeSuggestions
        unitCode="3304"
        category="metadata"
        subject={subject}
        question={question}
        unitName={(code) => (code ? 'BPS Kabupaten Banjarnegara' : null)}
        onAnswered={onAnswered}
      />
    </>
  );
}

const searches = (calls: RecordedCall[]) => calls.filter((c) => `${c.method} ${c.path}` === SEARCH);

describe('the suggestions in the new-consultation form', () => {
  it('search once the typing pauses and there are three letters, with the unit and category chosen', async () => {
    const user = userOnFakeClock();
    const { calls } = mockApi({ [SEARCH]: () => json(200, { hits: [hit], total: 1 }) });
    renderWithProviders(<Form onAnswered={vi.fn()} />);
    const region = screen.getByRole('region', { name: 'Saran dari basis pengetahuan' });
    expect(region).toHaveTextContent('Mulailah menulis perihal dan pertanyaan');

    await user.type(screen.getByRole('textbox', { name: 'Perihal' }), 'ip');
    act(() => {
      vi.advanceTimersByTime(PAUSE_MS);
    });
    expect(searches(calls)).toHaveLength(0);

    await user.type(screen.getByRole('textbox', { name: 'Pertanyaan' }), 'cara menghitung ipm');

    expect(await within(region).findByRole('button', { name: ipmArticle.title })).toBeInTheDocument();
    // One search for the whole burst of typing, with what was typed by its end.
    expect(searches(calls)).toHaveLength(1);
    const query = new URLSearchParams(searches(calls)[0]?.search);
    expect(Object.fromEntries(query)).toEqual({ q: 'ip cara menghitung ipm', category: 'metadata', unit: '3304', page: '1', per_page: '3' });
    expect(within(region).getByText('IPM', { selector: 'mark' })).toBeInTheDocument();
    expect(within(region).getByText('Nasional')).toBeInTheDocument();
  });

  it('say so when nothing matches', async () => {
    mockApi({ [SEARCH]: () => json(200, { hits: [], total: 0 }) });
    renderWithProviders(<Form onAnswered={vi.fn()} />);

    await userEvent.setup().type(screen.getByRole('textbox', { name: 'Perihal' }), 'zzz qqq');

    expect(await screen.findByText('Belum ada artikel yang cocok. Silakan lanjutkan pertanyaan Anda.')).toBeInTheDocument();
  });

  it('open an article beside the form, count it as a question that did not need asking, and report it answered', async () => {
    const { calls } = mockApi({
      [SEARCH]: () => json(200, { hits: [hit], total: 1 }),
      [`GET /api/v1/knowledge/articles/${ipmArticle.slug}`]: () => json(200, ipmArticle),
      [`POST /api/v1/knowledge/articles/${ipmArticle.slug}/feedback`]: () => new Response(null, { status: 204 }),
    });
    const onAnswered = vi.fn();
    renderWithProviders(<Form onAnswered={onAnswered} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Perihal' }), 'ipm');

    await user.click(await screen.findByRole('button', { name: ipmArticle.title }));
    const drawer = await screen.findByRole('dialog', { name: ipmArticle.title });
    expect(await within(drawer).findByText('dimensi dasar', { selector: 'strong' })).toBeInTheDocument();
    await user.click(within(drawer).getByRole('button', { name: 'Terjawab, tidak perlu bertanya' }));

    await waitFor(() => expect(onAnswered).toHaveBeenCalledWith(ipmArticle));
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ helpful: true, context: 'consultation_form', unit_code: '3304' });
  });

  it('go back to the form as it was on "ask anyway", counting nothing', async () => {
    const { calls } = mockApi({
      [SEARCH]: () => json(200, { hits: [hit], total: 1 }),
      [`GET /api/v1/knowledge/articles/${ipmArticle.slug}`]: () => json(200, ipmArticle),
    });
    const onAnswered = vi.fn();
    renderWithProviders(<Form onAnswered={onAnswered} />);
    const user = userEvent.setup();
    await user.type(screen.getByRole('textbox', { name: 'Perihal' }), 'ipm');

    await user.click(await screen.findByRole('button', { name: ipmArticle.title }));
    const drawer = await screen.findByRole('dialog', { name: ipmArticle.title });
    await user.click(await within(drawer).findByRole('button', { name: 'Tetap ajukan pertanyaan' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(screen.getByRole('textbox', { name: 'Perihal' })).toHaveValue('ipm');
    expect(onAnswered).not.toHaveBeenCalled();
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });
});
