import { describe, expect, it } from 'vitest';

import { complaintChannelHref, webHref } from './links';

describe('links made from service-standard contacts', () => {
  it('turn bare hosts into https links and leave plain words alone', () => {
    expect(webHref('tarakankota.bps.go.id')).toBe('https://tarakankota.bps.go.id');
    expect(webHref('s.bps.go.id/AduanPST6571')).toBe('https://s.bps.go.id/AduanPST6571');
    expect(webHref('http://s.bps.go.id/WBS1207')).toBe('http://s.bps.go.id/WBS1207');
    expect(webHref('BPS Kota Tarakan')).toBeNull();
  });

  it('lead each complaint channel where it can be used', () => {
    const href = (channel: Parameters<typeof complaintChannelHref>[0]['channel'], value: string) =>
      complaintChannelHref({ channel, label: 'x', value });

    expect(href('whatsapp', '0851-8310-6571')).toBe('https://wa.me/6285183106571');
    expect(href('phone', '(0551) 31715')).toBe('tel:055131715');
    expect(href('email', 'bps6571@bps.go.id')).toBe('mailto:bps6571@bps.go.id');
    expect(href('social_media', 'https://www.instagram.com/bpskotatarakan')).toBe(
      'https://www.instagram.com/bpskotatarakan',
    );
    expect(href('social_media', 'BPS Kota Tarakan')).toBeNull();
    expect(href('lapor', 'aplikasi LAPOR!')).toBe('https://www.lapor.go.id/');
    expect(href('in_person', 'Kotak saran di lantai 1')).toBeNull();
  });
});
