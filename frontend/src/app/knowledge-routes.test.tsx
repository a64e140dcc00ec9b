import { act, fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/lib/auth/session';
import { userOnFakeClock } from '@/testing/fake-clock';
import { json, mockApi } from '@/testing/mock-api';
import { draftArticle, ipmArticle, officer, page, searchHit, units } from '@/testing/fixtures';
import { renderRoutes } from '@/testing/render';

import { routes } from './router';

const unitPage = { items: units, total: units.length, page: 1, per_page: 100 };
const banjarnegaraArticle = { ...ipmArticle, slug: 'ipm-banjarnegara', unit_code: '3304', updated_at: '2026-11-20T17:30:00Z' };
/** Longer than any pause the search box waits for before it searches. */
const PAUSE_MS = 1_000;

const wordsOf = (request: Request) => new URL(request.url).searchParams.get('q');

describe('the knowledge base', () => {
  it('lists the newest published articles, then searches as the visitor types, keeping the words in the address', async () => {
    const user = userOnFakeClock();
    const { calls } = mockApi({
      'GET /api/v1/units': () => json(200, unitPage),
      'GET /api/v1/knowledge/articles': () => json(200, page([ipmArticle], 10)),
      // Only the whole words find the article: a search for part of them cannot pass for the answer.
      'GET /api/v1/knowledge/search': (request) =>
        wordsOf(request) === 'brp kemiskinan'
          ? json(200, { hits: [searchHit(ipmArticle, 'garis &lt;GK&gt; dan <mark>kemiskinan</mark>')], total: 1 })
          : json(200, { hits: [], total: 0 }),
    });
    const { router } = renderRoutes(routes, '/knowledge');

    expect(await screen.findByRole('heading', { level: 1, name: 'Basis pengetahuan' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: ipmArticle.title })).toHaveAttribute('href', `/knowledge/${ipmArticle.slug}`);
    expect(screen.getByText('1 artikel, terbaru lebih dulu')).toBeInTheDocument();
    expect(new URLSearchParams(calls.find((c) => c.path === '/api/v1/knowledge/articles')?.search).get('status')).toBe('published');

    await user.type(screen.getByRole('searchbox', { name: 'Cari jawaban' }), 'brp kemiskinan');

    const mark = await screen.findByText('kemiskinan', { selector: 'mark' });
    const result = mark.closest('article') as HTMLElement;
    expect(result).toHaveAccessibleName(ipmArticle.title);
    expect(within(result).getByText(/garis <GK> dan/)).toBeInTheDocument();
    expect(within(result).getByText('Nasional')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?q=brp+kemiskinan');
    expect(calls.filter((c) => c.path === '/api/v1/knowledge/search').map((c) => new URLSearchParams(c.search).get('q'))).toEqual([
      'brp kemiskinan',
    ]);
  });

  it('keeps what the visitor typed on while the address catches up with the words before', async () => {
    const user = userOnFakeClock();
    const box = () => screen.getByRole<HTMLInputElement>('searchbox', { name: 'Cari jawaban' });
    const boxWhenSearched: string[] = [];
    mockApi({
      'GET /api/v1/units': () => json(200, unitPage),
      'GET /api/v1/knowledge/articles': () => json(200, page([ipmArticle], 10)),
      'GET /api/v1/knowledge/search': (request) => {
        // Asked once the page has caught up with the words in the address: what does the box hold then?
        boxWhenSearched.push(box().value);
        return json(200, { hits: [searchHit(ipmArticle, `<mark>${wordsOf(request)}</mark>`)], total: 1 });
      },
    });
    const { router } = renderRoutes(routes, '/knowledge');
    await user.type(await screen.findByRole('searchbox', { name: 'Cari jawaban' }), 'ipm');

    // A pause hands "ipm" to the address, and the visitor types on before the page has caught up.
    act(() => {
      vi.advanceTimersByTime(PAUSE_MS);
      fireEvent.change(box(), { target: { value: 'ipm banjarnegara' } });
    });

    expect(await screen.findByText('ipm banjarnegara', { selector: 'mark' })).toBeInTheDocument();
    expect(boxWhenSearched).not.toContain('ipm');
    expect(box()).toHaveValue('ipm banjarnegara');
    expect(router.state.location.search).toBe('?q=ipm+banjarnegara');
  });

  it('shows the words the address gets by other means: a link with words, or going back', async () => {
    const user = userOnFakeClock();
    mockApi({
      'GET /api/v1/units': () => json(200, unitPage),
      'GET /api/v1/knowledge/articles': () => json(200, page([ipmArticle], 10)),
      'GET /api/v1/knowledge/search': (request) => json(200, { hits: [searchHit(ipmArticle, `<mark>${wordsOf(request)}</mark>`)], total: 1 }),
    });
    const { router } = renderRoutes(routes, '/knowledge');
    const box = await screen.findByRole('searchbox', { name: 'Cari jawaban' });
    await user.type(box, 'ipm');
    expect(await screen.findByText('ipm', { selector: 'mark' })).toBeInTheDocument();

    await act(() => router.navigate('/knowledge?q=kemiskinan'));
    expect(await screen.findByText('kemiskinan', { selector: 'mark' })).toBeInTheDocument();
    expect(box).toHaveValue('kemiskinan');

    await act(() => router.navigate(-1));
    expect(await screen.findByText('ipm', { selector: 'mark' })).toBeInTheDocument();
    expect(box).toHaveValue('ipm');
  });

  it('offers the words as the articles spell them when the search found them through a typo, keeping the unit', async () => {
    const user = userEvent.setup();
    const { calls } = mockApi({
      'GET /api/v1/units': () => json(200, unitPage),
      'GET /api/v1/knowledge/search': (request) =>
        wordsOf(request) === 'inflsi bulanan'
          ? json(200, { hits: [searchHit(ipmArticle, '<mark>inflasi</mark>')], total: 1, suggestion: 'inflasi bulanan' })
          : json(200, { hits: [searchHit(ipmArticle, `<mark>${wordsOf(request)}</mark>`)], total: 1, suggestion: null }),
    });
    const { router } = renderRoutes(routes, '/knowledge?q=inflsi+bulanan&unit=3304&page=2');

    expect(await screen.findByText('Mungkin maksud Anda:')).toBeInTheDocument();
    await user.click(screen.getByRole('link', { name: 'inflasi bulanan' }));

    expect(await screen.findByText('inflasi bulanan', { selector: 'mark' })).toBeInTheDocument();
    expect(screen.getByRole('searchbox', { name: 'Cari jawaban' })).toHaveValue('inflasi bulanan');
    expect(Object.fromEntries(new URLSearchParams(router.state.location.search))).toEqual({ q: 'inflasi bulanan', unit: '3304' });
    expect(screen.queryByText('Mungkin maksud Anda:')).toBeNull();
    expect(calls.filter((c) => c.path === '/api/v1/knowledge/search').map((c) => new URLSearchParams(c.search).get('q'))).toEqual([
      'inflsi bulanan',
      'inflasi bulanan',
    ]);
  });

  it('shows an article dated on its unit’s clock, and thanks a reader it helped', async () => {
    const { calls } = mockApi({
      'GET /api/v1/units': () => json(200, unitPage),
      [`GET /api/v1/knowledge/articles/${banjarnegaraArticle.slug}`]: () => json(200, banjarnegaraArticle),
      [`POST /api/v1/knowledge/articles/${banjarnegaraArticle.slug}/feedback`]: () => new Response(null, { status: 204 }),
    });
    renderRoutes(routes, `/knowledge/${banjarnegaraArticle.slug}`);

    expect(await screen.findByRole('heading', { level: 1, name: banjarnegaraArticle.title })).toBeInTheDocument();
    expect(screen.getByText('BPS Kabupaten Banjarnegara')).toBeInTheDocument();
    // 17:30 UTC on 20 November is 00:30 on 21 November in Banjarnegara (WIB).
    expect(screen.getByText('Diperbarui 21 November 2026')).toBeInTheDocument();
    expect(screen.getByText('dimensi dasar', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'umur panjang dan hidup sehat',
      'pengetahuan',
      'standar hidup layak',
    ]);

    await userEvent.setup().click(screen.getByRole('button', { name: 'Jawaban ini membantu' }));

    expect(await screen.findByText('Terima kasih!')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ helpful: true, context: 'article' });
  });

  it('leads a visitor who still needs help to a filled-in consultation form, through the login page', async () => {
    const { calls } = mockApi({
      'GET /api/v1/units': () => json(200, unitPage),
      [`GET /api/v1/knowledge/articles/${ipmArticle.slug}`]: () => json(200, ipmArticle),
      [`POST /api/v1/knowledge/articles/${ipmArticle.slug}/feedback`]: () => new Response(null, { status: 204 }),
    });
    const { router } = renderRoutes(routes, `/knowledge/${ipmArticle.slug}`);

    await userEvent.setup().click(await screen.findByRole('button', { name: 'Saya masih butuh bantuan' }));

    expect(await screen.findByRole('heading', { name: 'Masuk' })).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({ helpful: false, context: 'article' });
    const next = new URLSearchParams(router.state.location.search).get('next') ?? '';
    expect(next.startsWith('/consultations/new?')).toBe(true);
    expect(Object.fromEntries(new URLSearchParams(next.split('?')[1]))).toEqual({ category: 'metadata', subject: ipmArticle.title });
  });

  it('shows an officer the unit’s drafts, each leading to its editor', async () => {
    session.set({ access_token: 'a', refresh_token: 'r' });
    const { calls } = mockApi({
      'GET /api/v1/me': () => json(200, officer),
      'GET /api/v1/units': () => json(200, unitPage),
      'GET /api/v1/knowledge/articles': () => json(200, page([draftArticle])),
    });
    renderRoutes(routes, '/staff/knowledge');

    expect(await screen.findByRole('heading', { level: 1, name: 'Kelola pengetahuan' })).toBeInTheDocument();
    expect(await screen.findByRole('tab', { name: 'Draf', selected: true })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: draftArticle.title })).toHaveAttribute('href', `/staff/knowledge/${draftArticle.slug}/edit`);
    const query = new URLSearchParams(calls.find((c) => c.path === '/api/v1/knowledge/articles')?.search);
    expect(query.get('status')).toBe('draft');
    expect(query.get('unit')).toBe('3304');
    expect(calls.find((c) => c.path === '/api/v1/knowledge/articles')?.authorization).toBe('Bearer a');
    expect(screen.getByRole('link', { name: 'Tulis artikel' })).toHaveAttribute('href', '/staff/knowledge/new');
  });
});
