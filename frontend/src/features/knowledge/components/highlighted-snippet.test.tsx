import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { renderWithProviders } from '@/testing/render';

import { parseSnippet, unescapeHtml } from '../utils/snippet';

import { HighlightedSnippet } from './highlighted-snippet';

describe('a search snippet', () => {
  it('is split into text and the marked matches', () => {
    expect(parseSnippet('… penduduk <mark>miskin</mark> adalah <mark>penduduk</mark> …')).toEqual([
      { text: '… penduduk ', marked: false },
      { text: 'miskin', marked: true },
      { text: ' adalah ', marked: false },
      { text: 'penduduk', marked: true },
      { text: ' …', marked: false },
    ]);
  });

  it('has its five entities undone once, and only those', () => {
    expect(unescapeHtml('A &amp; B &lt;5&gt; &quot;x&quot; &#39;y&#39; &amp;lt; &nbsp;')).toBe('A & B <5> "x" \'y\' &lt; &nbsp;');
  });

  it('shows the matches highlighted and the escaped text as text', () => {
    renderWithProviders(<HighlightedSnippet snippet={'garis &lt;GK&gt; <mark>kemiskinan</mark> &amp; <mark>miskin</mark>'} data-testid="snippet" />);
    const snippet = screen.getByTestId('snippet');
    expect([...snippet.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['kemiskinan', 'miskin']);
    expect(snippet).toHaveTextContent('garis <GK> kemiskinan & miskin');
  });

  it('never inserts HTML, whatever the snippet holds', () => {
    renderWithProviders(
      <HighlightedSnippet
        snippet={'&lt;img src=x onerror=alert(1)&gt; <mark>&lt;script&gt;</mark>alert(1)&lt;/script&gt; <b>tebal</b>'}
        data-testid="snippet"
      />,
    );
    const snippet = screen.getByTestId('snippet');
    expect(snippet.querySelector('img, script, b')).toBeNull();
    expect([...snippet.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['<script>']);
    expect(snippet.textContent).toBe('<img src=x onerror=alert(1)> <script>alert(1)</script> <b>tebal</b>');
  });
});
