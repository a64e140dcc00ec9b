import { describe, expect, it } from 'vitest';

import { splitLinks } from './links';

const link = (url: string) => ({ kind: 'link', text: url, href: url });
const text = (t: string) => ({ kind: 'text', text: t });

describe('splitLinks', () => {
  it('keeps the sentence’s final dot outside the link', () => {
    expect(splitLinks('Lihat https://bps.go.id/id/statistics-table.')).toEqual([
      text('Lihat '),
      link('https://bps.go.id/id/statistics-table'),
      text('.'),
    ]);
  });

  it('finds several links, http and https, among words and new lines', () => {
    expect(splitLinks('Tabel: http://a.example/x?y=1&z=2, dan\nhttps://b.example/#bagian')).toEqual([
      text('Tabel: '),
      link('http://a.example/x?y=1&z=2'),
      text(', dan\n'),
      link('https://b.example/#bagian'),
    ]);
  });

  it('leaves a closing bracket of the prose outside, and keeps one the link opened', () => {
    expect(splitLinks('(lihat https://bps.go.id/publikasi).')).toEqual([text('(lihat '), link('https://bps.go.id/publikasi'), text(').')]);
    expect(splitLinks('https://id.wikipedia.org/wiki/Jawa_(pulau)!')).toEqual([link('https://id.wikipedia.org/wiki/Jawa_(pulau)'), text('!')]);
  });

  it('drops other trailing punctuation: commas, colons, question marks, ellipses', () => {
    expect(splitLinks('Sudah buka https://bps.go.id?')).toEqual([text('Sudah buka '), link('https://bps.go.id'), text('?')]);
    expect(splitLinks('https://bps.go.id/a;, lalu')).toEqual([link('https://bps.go.id/a'), text(';, lalu')]);
    expect(splitLinks('https://bps.go.id/a…')).toEqual([link('https://bps.go.id/a'), text('…')]);
  });

  it('never makes a link of another scheme', () => {
    for (const body of ['javascript:alert(1)', 'klik javascript://%0aalert(1)', 'data:text/html,<b>x</b>', 'mailto:pst@bps.go.id', 'ftp://bps.go.id/x']) {
      expect(splitLinks(body)).toEqual([text(body)]);
    }
  });

  it('leaves a link without a scheme, or inside a word, as text', () => {
    expect(splitLinks('Buka www.bps.go.id ya')).toEqual([text('Buka www.bps.go.id ya')]);
    expect(splitLinks('xhttps://bps.go.id')).toEqual([text('xhttps://bps.go.id')]);
  });

  it('leaves a bare scheme or one without a host as text', () => {
    expect(splitLinks('https:// saja')).toEqual([text('https:// saja')]);
    expect(splitLinks('https://.')).toEqual([text('https://.')]);
  });

  it('stops a link at quotes and angle brackets', () => {
    expect(splitLinks('"https://bps.go.id" <https://bps.go.id/x>')).toEqual([
      text('"'),
      link('https://bps.go.id'),
      text('" <'),
      link('https://bps.go.id/x'),
      text('>'),
    ]);
  });

  it('gives back text without links as one part, and nothing for nothing', () => {
    expect(splitLinks('Selamat siang.')).toEqual([text('Selamat siang.')]);
    expect(splitLinks('')).toEqual([]);
  });

  it('loses no character', () => {
    const body = 'A https://x.example/a). B (https://y.example/b_(c)) C https:// D www.e.f';
    expect(splitLinks(body).map((p) => p.text).join('')).toBe(body);
  });
});
