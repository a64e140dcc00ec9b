import { storageKeys } from '@/config/storage-keys';
import type { TokenPair } from '@/lib/api/types';

export type Session = Pick<TokenPair, 'access_token' | 'refresh_token'>;

type Listener = () => void;

function read(): Session | null {
  try {
    const raw = localStorage.getItem(storageKeys.session);
    if (!raw) return null;
    const parsed = JSON.parse(raw) as Partial<Session>;
    return typeof parsed.access_token === 'string' && typeof parsed.refresh_token === 'string'
      ? { access_token: parsed.access_token, refresh_token: parsed.refresh_token }
      : null;
  } catch {
    return null;
  }
}

let current: Session | null = read();
let endedByLogout = false;
const listeners = new Set<Listener>();

function emit() {
  for (const listener of listeners) listener();
}

// Another tab logged in, refreshed or logged out: follow it, so tabs never hold a rotated-away token.
if (typeof window !== 'undefined') {
  window.addEventListener('storage', (event) => {
    if (event.key !== storageKeys.session && event.key !== null) return;
    current = read();
    emit();
  });
}

/**
 * The tokens of the signed-in user. They live in localStorage so that a reload keeps the
 * session; the access token is short-lived and the refresh token rotates on every use.
 */
export const session = {
  get: (): Session | null => current,
  set: (tokens: Session) => {
    endedByLogout = false;
    current = { access_token: tokens.access_token, refresh_token: tokens.refresh_token };
    localStorage.setItem(storageKeys.session, JSON.stringify(current));
    emit();
  },
  /** Forgets the tokens; `logout` when the user asked for it, rather than the session expiring. */
  clear: (reason: 'logout' | 'expired' = 'expired') => {
    endedByLogout = reason === 'logout';
    if (current === null && localStorage.getItem(storageKeys.session) === null) return;
    current = null;
    localStorage.removeItem(storageKeys.session);
    emit();
  },
  /** Whether the user logged out here (protected pages then send them home, not to the login form). */
  endedByLogout: () => endedByLogout,
  /** Re-reads the stored tokens (another tab may have rotated them). */
  reload: (): Session | null => {
    current = read();
    return current;
  },
  subscribe: (listener: Listener): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
