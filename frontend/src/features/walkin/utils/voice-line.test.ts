import { describe, expect, it } from 'vitest';

import { indonesianNumber, spokenDeskName, spokenTicketNumber, voiceLine } from './voice-line';

describe('the voice line of a call', () => {
  it('reads the digits of the number one by one and the desk number as a word', () => {
    expect(voiceLine('K-007', 'Meja 2')).toBe('Nomor antrean K nol nol tujuh, silakan menuju Meja dua');
  });

  it('reads every digit of a number', () => {
    expect(spokenTicketNumber('P-123')).toBe('P satu dua tiga');
    expect(spokenTicketNumber('J-456')).toBe('J empat lima enam');
    expect(spokenTicketNumber('R-789')).toBe('R tujuh delapan sembilan');
    expect(spokenTicketNumber('K-100')).toBe('K satu nol nol');
  });

  it('says a number in a desk name as Indonesian words', () => {
    expect(spokenDeskName('Meja 10')).toBe('Meja sepuluh');
    expect(spokenDeskName('Meja 11')).toBe('Meja sebelas');
    expect(spokenDeskName('Meja 12')).toBe('Meja dua belas');
    expect(spokenDeskName('Meja 21')).toBe('Meja dua puluh satu');
    expect(spokenDeskName('Loket Perpustakaan')).toBe('Loket Perpustakaan');
  });

  it('counts in Indonesian', () => {
    expect([0, 1, 9, 10, 11, 15, 19, 20, 30, 99].map(indonesianNumber)).toEqual([
      'nol', 'satu', 'sembilan', 'sepuluh', 'sebelas', 'lima belas', 'sembilan belas', 'dua puluh', 'tiga puluh', 'sembilan puluh sembilan',
    ]);
    expect(indonesianNumber(100)).toBe('seratus');
    expect(indonesianNumber(111)).toBe('seratus sebelas');
    expect(indonesianNumber(250)).toBe('dua ratus lima puluh');
    expect(indonesianNumber(1000)).toBe('seribu');
    expect(indonesianNumber(2024)).toBe('dua ribu dua puluh empat');
  });
});
