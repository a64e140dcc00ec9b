import { useCallback, useEffect, useState } from 'react';

import { loadPasswordEstimator, type PasswordEstimator, type PasswordStrength } from '@/lib/password-strength';

/** Long enough for a burst of typing to cost one estimate, short enough to feel live. */
const settleMs = 150;

export type EstimatePassword = (password: string, userInputs: readonly string[]) => PasswordStrength | null;

/**
 * zxcvbn's estimate, loaded when the form first shows; for validation, which estimates the very value
 * it checks. It answers null until the estimator has loaded (or when it failed to): the form then
 * checks the length only, and the server the rest.
 */
export function usePasswordEstimator(): EstimatePassword {
  const [estimator, setEstimator] = useState<PasswordEstimator | null>(null);

  useEffect(() => {
    let live = true;
    loadPasswordEstimator().then(
      (loaded) => live && setEstimator(() => loaded),
      () => {
        // Left to the server, as when the estimator has not loaded yet.
      },
    );
    return () => {
      live = false;
    };
  }, []);

  return useCallback((password, userInputs) => (estimator ? estimator(password, userInputs) : null), [estimator]);
}

/**
 * The strength of the password being typed, for the meter: estimated once the typing pauses, and
 * null while the field is empty or the estimator loads. Until a new estimate settles the last one
 * stays up, since a meter that blinked at every key would be worse.
 */
export function usePasswordStrength(estimate: EstimatePassword, password: string, userInputs: readonly string[]) {
  const [strength, setStrength] = useState<PasswordStrength | null>(null);
  // A string, so that a new array of the same words is no change.
  const inputs = userInputs.join('\n');

  useEffect(() => {
    if (!password) return;
    const timer = setTimeout(() => {
      const settled = estimate(password, inputs ? inputs.split('\n') : []);
      if (settled) setStrength(settled);
    }, settleMs);
    return () => clearTimeout(timer);
  }, [estimate, password, inputs]);

  return password ? strength : null;
}
