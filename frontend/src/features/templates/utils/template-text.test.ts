import { describe, expect, it } from 'vitest';

import { firstLine, insertAt, SHORTCUT_PATTERN, unknownVariables } from './template-text';
import { canWriteTemplate, usesTemplates, writesTemplates } from './permissions';

describe('template texts', () => {
  it('puts a variable at the cursor, or in place of the selection', () => {
    expect(insertAt('Halo !', '{nama}', 5)).toEqual({ value: 'Halo {nama}!', cursor: 11 });
    expect(insertAt('Halo Budi!', '{nama}', 5, 9)).toEqual({ value: 'Halo {nama}!', cursor: 11 });
    expect(insertAt('', '{unit}', 3)).toEqual({ value: '{unit}', cursor: 6 });
  });

  it('names the words in braces the server refuses, each once', () => {
    expect(unknownVariables('Halo {nama}, {nomor} di {unit} oleh {petugas} sampai {tenggat}.')).toEqual([]);
    expect(unknownVariables('Halo {name} {name} {tanggal}')).toEqual(['name', 'tanggal']);
  });

  it('keeps the shortcut’s pattern and the first line with text', () => {
    expect(SHORTCUT_PATTERN.test('data-web')).toBe(true);
    expect(SHORTCUT_PATTERN.test('-data')).toBe(false);
    expect(SHORTCUT_PATTERN.test('Data')).toBe(false);
    expect(firstLine('\n  Selamat siang {nama},\nbaris dua')).toBe('Selamat siang {nama},');
  });
});

describe('who writes templates', () => {
  it('follows the API: admins any, a unit’s officers and supervisor their own unit’s, nobody else', () => {
    const officer = { role: 'officer', unit_code: '3304' } as const;
    const provinceSupervisor = { role: 'supervisor', unit_code: '3300' } as const;
    const admin = { role: 'admin', unit_code: null } as const;
    const frontOffice = { role: 'front_office', unit_code: '3304' } as const;
    expect(canWriteTemplate(officer, '3304')).toBe(true);
    expect(canWriteTemplate(officer, null)).toBe(false);
    expect(canWriteTemplate(officer, '3375')).toBe(false);
    // A province's supervisor reads the units below but does not write them.
    expect(canWriteTemplate(provinceSupervisor, '3304')).toBe(false);
    expect(canWriteTemplate(provinceSupervisor, '3300')).toBe(true);
    expect(canWriteTemplate(admin, null)).toBe(true);
    expect(canWriteTemplate(admin, '6571')).toBe(true);
    expect(canWriteTemplate(frontOffice, '3304')).toBe(false);
    expect(writesTemplates(admin)).toBe(true);
    expect(writesTemplates(officer)).toBe(true);
    expect(writesTemplates(frontOffice)).toBe(false);
    expect(usesTemplates(frontOffice)).toBe(false);
  });
});
