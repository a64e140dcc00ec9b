import userEvent from '@testing-library/user-event';
import { vi } from 'vitest';

/**
 * A user whose keystrokes take no time on a fake clock, for components that wait for a pause in
 * typing: however slow the machine, a burst of typing stays one burst. The clock still moves on its
 * own while the test waits (`findBy…`, `waitFor`), so a pause happens only where the test waits for
 * an outcome. Call it before rendering; setup-tests puts the real clock back after each test.
 */
export function userOnFakeClock() {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  return userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
}
