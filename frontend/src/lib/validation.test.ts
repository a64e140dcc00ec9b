import { describe, expect, it } from 'vitest';

import { requestLimits } from '@/lib/api/limits.gen';
import { i18n } from '@/lib/i18n';

import { charCount, emailProblem, lengthProblem, lengthWithin, passwordProblem } from './validation';

const t = i18n.t.bind(i18n);
/** A number as the Indonesian texts write it (5.000). */
const n = (value: number) => value.toLocaleString('id-ID');

describe('the length checks', () => {
  it('count characters as the server does, not UTF-16 code units', () => {
    expect(charCount('data 📊')).toBe(6);
    expect(lengthWithin('📊📊📊', { minLength: 3, maxLength: 3 })).toBe(true);
  });

  it('say what is wrong with a text, with the limits in the words', () => {
    const limits = requestLimits.FollowUpRequest.location_or_link;
    expect(lengthProblem(t, '', limits)).toBe('Wajib diisi.');
    expect(lengthProblem(t, 'ab', limits)).toBe(`Isian harus ${n(limits.minLength)} sampai ${n(limits.maxLength)} karakter.`);
    expect(lengthProblem(t, 'x'.repeat(limits.maxLength + 1), limits)).toBe(`Maksimal ${n(limits.maxLength)} karakter.`);
    expect(lengthProblem(t, 'x'.repeat(limits.maxLength), limits)).toBeNull();
    // An optional field may stay blank.
    expect(lengthProblem(t, '', requestLimits.CloseRequest.summary)).toBeNull();
  });

  it('write numbers the way each language does', async () => {
    const limits = { maxLength: 5000 };
    expect(lengthProblem(t, 'x'.repeat(limits.maxLength + 1), limits)).toBe('Maksimal 5.000 karakter.');
    await i18n.changeLanguage('en');
    expect(lengthProblem(t, 'x'.repeat(limits.maxLength + 1), limits)).toBe('At most 5,000 characters.');
  });

  it('hold new passwords to the spec’s limits', () => {
    const limits = requestLimits.RegisterRequest.password;
    expect(passwordProblem(t, 'x'.repeat(limits.minLength - 1), limits)).toBe(`Kata sandi minimal ${n(limits.minLength)} karakter.`);
    expect(passwordProblem(t, 'x'.repeat(limits.minLength), limits)).toBeNull();
    expect(passwordProblem(t, 'x'.repeat(limits.maxLength + 1), limits)).toBe(`Kata sandi maksimal ${n(limits.maxLength)} karakter.`);
  });

  it('refuse a new password the estimate calls too easy to guess, once there is an estimate', () => {
    const limits = requestLimits.RegisterRequest.password;
    const estimate = (score: 0 | 1 | 2 | 3 | 4) => ({ score, warning: null, suggestions: [] });
    expect(passwordProblem(t, 'password1234', limits, estimate(2))).toMatch(/^Kata sandi ini terlalu mudah ditebak/);
    expect(passwordProblem(t, 'Kopi-Tubruk-2026', limits, estimate(3))).toBeNull();
    expect(passwordProblem(t, 'password1234', limits, null)).toBeNull();
    // The length is named first: it is the plainer fix.
    expect(passwordProblem(t, 'pendek', limits, estimate(0))).toBe(`Kata sandi minimal ${n(limits.minLength)} karakter.`);
  });

  it('check an email address’s shape before its length', () => {
    const limits = requestLimits.RegisterRequest.email;
    expect(emailProblem(t, 'siti@', limits)).toBe('Masukkan alamat email yang valid.');
    expect(emailProblem(t, ` ${'s'.repeat(limits.maxLength)}@bps.go.id `, limits)).toBe(`Maksimal ${n(limits.maxLength)} karakter.`);
    expect(emailProblem(t, ' siti@bps.go.id ', limits)).toBeNull();
  });
});
