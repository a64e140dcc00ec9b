import { describe, expect, it } from 'vitest';

import { loadPasswordEstimator, minimumPasswordScore, passwordUserInputs } from './password-strength';

const siti = passwordUserInputs('Siti Rahma', 'siti.rahma@example.id');

describe('the password estimator', () => {
  it('calls common passwords with digits weak, and says why', async () => {
    const estimate = await loadPasswordEstimator();

    const strength = estimate('password1234', []);

    expect(strength.score).toBeLessThan(minimumPasswordScore);
    expect(strength.warning).toBe('similarToCommon');
    expect(strength.suggestions).toContain('anotherWord');
  });

  it('calls the person’s own name or email with digits weak', async () => {
    const estimate = await loadPasswordEstimator();

    for (const password of ['SitiRahma2026', 'siti.rahma99', 'Rahma12345678']) {
      expect(estimate(password, siti).score, password).toBeLessThan(minimumPasswordScore);
    }
    expect(estimate('siti.rahma99', siti).warning).toBe('userInputs');
    // The same password is no weaker for someone else: the name is what gave it away.
    expect(estimate('SitiRahma2026', passwordUserInputs('Budi Santoso', 'budi@example.id')).score).toBeGreaterThanOrEqual(
      minimumPasswordScore,
    );
  });

  it('calls repeats, sequences and keyboard rows very weak', async () => {
    const estimate = await loadPasswordEstimator();

    expect(estimate('aaaaaaaaaaaa', []).score).toBe(0);
    expect(estimate('abcdefghijk', []).score).toBe(0);
    expect(estimate('qwertyuiop', []).score).toBe(0);
  });

  it('accepts a long mixed password and a passphrase of four words', async () => {
    const estimate = await loadPasswordEstimator();

    expect(estimate('Rahasia-Kuat-2026!', siti).score).toBeGreaterThanOrEqual(minimumPasswordScore);
    expect(estimate('kuda baterai jerapah pelangi', siti).score).toBeGreaterThanOrEqual(minimumPasswordScore);
    expect(estimate('correct horse battery staple', siti)).toEqual({ score: 4, warning: null, suggestions: [] });
  });

  it('is loaded once', async () => {
    expect(await loadPasswordEstimator()).toBe(await loadPasswordEstimator());
  });
});

describe('the words of the person', () => {
  it('are the email, its name part and pieces, the name, its words and the service’s words', () => {
    expect(passwordUserInputs('  Siti Rahma ', ' Siti.Rahma@Example.id ')).toEqual([
      'siti.rahma@example.id',
      'siti.rahma',
      'siti rahma',
      'sitirahma',
      'siti',
      'rahma',
      'statkonsul',
      'bps',
      'pst',
      'konsultasi',
      'statistik',
    ]);
  });

  it('leave out blank fields and words shorter than three characters', () => {
    expect(passwordUserInputs('', '')).toEqual(['statkonsul', 'bps', 'pst', 'konsultasi', 'statistik']);
    expect(passwordUserInputs('Al Ani', 'al.b@c.id').slice(0, 5)).toEqual(['al.b@c.id', 'al.b', 'al ani', 'alani', 'ani']);
  });
});
