import type { SocketFactory, SocketLike } from './client';

export type FeedStatus = 'connecting' | 'online' | 'offline';

type FeedOptions = {
  /** Absolute `ws(s)://` URL. */
  url: string;
  onMessage: (data: unknown) => void;
  onStatus?: (status: FeedStatus) => void;
  createSocket?: SocketFactory;
};

const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;

/** A page-relative WebSocket path as an absolute URL on this origin. */
export function socketUrl(path: string): string {
  return `${window.location.origin.replace(/^http/, 'ws')}${path}`;
}

/**
 * One WebSocket that needs no login (a unit's board, a visitor's ticket): it reconnects after a
 * drop with a growing, jittered delay, since a TV on the wall has nobody to press reload. The
 * server sends the whole state on connect, so a reconnect catches up by itself.
 */
export function openFeed({ url, onMessage, onStatus, createSocket = (u) => new WebSocket(u) }: FeedOptions) {
  let socket: SocketLike | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;
  let stopped = false;

  const connect = () => {
    if (stopped) return;
    onStatus?.('connecting');
    const current = createSocket(url);
    socket = current;
    current.onopen = () => {
      attempt = 0;
      onStatus?.('online');
    };
    current.onmessage = (message: MessageEvent) => {
      if (typeof message.data !== 'string') return;
      try {
        onMessage(JSON.parse(message.data) as unknown);
      } catch {
        // A frame that is not JSON is not ours.
      }
    };
    current.onclose = () => {
      if (socket !== current) return;
      socket = null;
      onStatus?.('offline');
      if (stopped) return;
      const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** attempt);
      attempt += 1;
      timer = setTimeout(() => {
        timer = null;
        connect();
      }, ceiling / 2 + Math.random() * (ceiling / 2));
    };
    current.onerror = () => {
      // A close event follows every error; reconnecting is decided there.
    };
  };

  connect();

  return function stop() {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    const current = socket;
    socket = null;
    if (current) {
      current.onopen = current.onmessage = current.onclose = current.onerror = null;
      current.close();
    }
  };
}
