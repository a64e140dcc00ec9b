import '@testing-library/jest-dom/vitest';
import '@/lib/i18n';

import { notifications } from '@mantine/notifications';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

import { session } from '@/lib/auth/session';
import { i18n } from '@/lib/i18n';

// `findBy…` and `waitFor` wait for what a test expects in the end, however slow the machine: a lazy
// route's first import alone can take seconds while other work keeps the CPU busy.
configure({ asyncUtilTimeout: 15_000 });

// Browsers resolve the client's relative URLs ("/api/v1/…") against the page; Node's Request does not.
const NodeRequest = globalThis.Request;
class PageRelativeRequest extends NodeRequest {
  constructor(input: RequestInfo | URL, init?: RequestInit) {
    super(typeof input === 'string' ? new URL(input, window.location.origin) : input, init);
  }
}
globalThis.Request = PageRelativeRequest;

// jsdom lacks these; Mantine needs them.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: vi.fn().mockImplementation((query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: vi.fn(),
    removeListener: vi.fn(),
    addEventListener: vi.fn(),
    removeEventListener: vi.fn(),
    dispatchEvent: vi.fn(),
  })),
});
class NoopResizeObserver {
  observe() {}
  unobserve() {}
  disconnect() {}
}
window.ResizeObserver = NoopResizeObserver;
window.HTMLElement.prototype.scrollIntoView = () => {};
// Autosizing textareas listen for web fonts loading.
Object.defineProperty(document, 'fonts', {
  configurable: true,
  value: { addEventListener: vi.fn(), removeEventListener: vi.fn() },
});

afterEach(async () => {
  cleanup();
  // After unmounting, so that the components' timers are cleared on the clock that made them.
  vi.useRealTimers();
  // Notifications live in a store of their own: one test's must not show up in the next.
  notifications.clean();
  session.clear();
  localStorage.clear();
  await i18n.changeLanguage('id');
});
