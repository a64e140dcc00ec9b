import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';

import { Markdown } from './markdown';
import { parseMarkdown } from './parse-markdown';

const html = (source: string, headingOffset?: number) =>
  render(<Markdown source={source} headingOffset={headingOffset} />).container.innerHTML;

describe('the markdown renderer', () => {
  it('makes headings, paragraphs and both kinds of list', () => {
    const out = html('# Garis kemiskinan\n\nDihitung dari dua komponen:\n\n- makanan\n- bukan makanan\n\n3. tiga\n4. empat', 0);
    expect(out).toBe(
      '<h1>Garis kemiskinan</h1><p>Dihitung dari dua komponen:</p><ul><li>makanan</li><li>bukan makanan</li></ul><ol start="3"><li>tiga</li><li>empat</li></ol>',
    );
  });

  it('moves headings under the page’s own, never past h6', () => {
    expect(html('# Satu\n\n#### Empat')).toBe('<h3>Satu</h3><h6>Empat</h6>');
  });

  it('keeps line breaks inside a paragraph and joins a list item’s continued lines', () => {
    expect(html('baris satu\nbaris dua')).toBe('<p>baris satu<br>baris dua</p>');
    expect(html('- butir yang\n  berlanjut\n- berikutnya')).toBe('<ul><li>butir yang berlanjut</li><li>berikutnya</li></ul>');
    expect(html('- satu\n\n- dua')).toBe('<ul><li>satu</li><li>dua</li></ul>');
  });

  it('sets bold, italic and inline code, and leaves lone stars and snake_case alone', () => {
    expect(html('**tahun dasar** dan *basic needs approach*, `IHK_2022`')).toBe(
      '<p><strong>tahun dasar</strong> dan <em>basic needs approach</em>, <code>IHK_2022</code></p>',
    );
    expect(html('2 * 3 * 4 dan nama_kolom_baru serta __tebal__ _miring_')).toBe(
      '<p>2 * 3 * 4 dan nama_kolom_baru serta <strong>tebal</strong> <em>miring</em></p>',
    );
    expect(html('**tebal dengan *miring* di dalamnya**')).toBe('<p><strong>tebal dengan <em>miring</em> di dalamnya</strong></p>');
  });

  it('links http(s) addresses only, opening them safely', () => {
    const out = html('Lihat [situs BPS](https://www.bps.go.id/id) atau https://sirusa.bps.go.id.');
    expect(out).toBe(
      '<p>Lihat <a href="https://www.bps.go.id/id" target="_blank" rel="noopener noreferrer nofollow">situs BPS</a> atau ' +
        '<a href="https://sirusa.bps.go.id/" target="_blank" rel="noopener noreferrer nofollow">https://sirusa.bps.go.id</a>.</p>',
    );
  });

  it('shows javascript: and other non-web links as inert text', () => {
    const { container } = render(
      <Markdown source={'[klik](javascript:alert(1)) [data](data:text/html,x) [relatif](/admin) <a href="javascript:alert(2)">x</a>'} />,
    );
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toBe('[klik](javascript:alert(1)) [data](data:text/html,x) [relatif](/admin) <a href="javascript:alert(2)">x</a>');
  });

  it('never turns HTML in the text into elements', () => {
    const { container } = render(<Markdown source={'<script>alert("x")</script>\n\n**<img src=x onerror=alert(1)>**'} />);
    expect(container.querySelector('script, img')).toBeNull();
    expect(container.innerHTML).toBe(
      '<p>&lt;script&gt;alert("x")&lt;/script&gt;</p><p><strong>&lt;img src=x onerror=alert(1)&gt;</strong></p>',
    );
  });

  it('lets a backslash keep a markdown character literal', () => {
    expect(html('\\*bukan miring\\* dan 1\\. bukan daftar')).toBe('<p>*bukan miring* dan 1. bukan daftar</p>');
  });

  it('reads the demo articles’ shapes into blocks', () => {
    const blocks = parseMarkdown('Paragraf.\r\n\r\n1. satu\r\n2. dua\r\n\r\nPenutup.');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'paragraph']);
  });
});
