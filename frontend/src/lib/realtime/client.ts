import { api, refreshAccessToken } from '@/lib/api/client';
import type { LiveClientMessage, LiveEvent } from '@/lib/api/types';
import { accessClaims, expiresSoon } from '@/lib/auth/token-claims';
import { session } from '@/lib/auth/session';

import { parseLiveEvent } from './events';

/** The part of a WebSocket the client uses, so tests can hand it a fake one. */
export type SocketLike = {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
};

export type SocketFactory = (url: string) => SocketLike;

export type RealtimeStatus = 'offline' | 'connecting' | 'online';

type Options = {
  createSocket?: SocketFactory;
  /** Where to connect with a one-time ticket. */
  url?: (ticket: string) => string;
  /** Exchanges an access token for a one-time ticket (`null` when refused). */
  ticket?: (accessToken: string) => Promise<string | null>;
};

const OPEN = 1;
const FIRST_DELAY_MS = 1_000;
const MAX_DELAY_MS = 30_000;
// Refresh a token this close to expiry before using it: the server checks it only at the handshake.
const EXPIRY_MARGIN_SECONDS = 30;

const defaultUrl = (ticket: string) =>
  `${window.location.origin.replace(/^http/, 'ws')}/api/v1/ws?ticket=${encodeURIComponent(ticket)}`;

/** The access token never goes into the socket's URL (proxies log URLs): a one-time ticket does. */
async function requestTicket(accessToken: string): Promise<string | null> {
  const { data } = await api.POST('/api/v1/ws/tickets', {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  return data?.ticket ?? null;
}

/**
 * The client's one WebSocket to the server, open while someone is signed in. It reconnects
 * after a drop with a growing, jittered delay, opens every handshake with a one-time ticket got
 * with a fresh access token,
 * follows the session (another user, a refreshed token, a logout), and tells its `onReconnect`
 * listeners when a connection comes back so that they can catch up on what they missed.
 */
export class RealtimeClient {
  private readonly createSocket: SocketFactory;
  private readonly url: (ticket: string) => string;
  private readonly ticket: (accessToken: string) => Promise<string | null>;
  private socket: SocketLike | null = null;
  private connecting = false;
  private running = false;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private user: string | null = null;
  private hasBeenOnline = false;
  private rejectedToken: string | null = null;
  private stopSession: (() => void) | null = null;
  private statusValue: RealtimeStatus = 'offline';
  private readonly eventListeners = new Set<(event: LiveEvent) => void>();
  private readonly reconnectListeners = new Set<() => void>();
  private readonly statusListeners = new Set<() => void>();

  constructor({
    createSocket = (url) => new WebSocket(url),
    url = defaultUrl,
    ticket = requestTicket,
  }: Options = {}) {
    this.createSocket = createSocket;
    this.url = url;
    this.ticket = ticket;
  }

  start() {
    if (this.running) return;
    this.running = true;
    this.stopSession = session.subscribe(() => this.followSession());
    void this.connect();
  }

  stop() {
    this.running = false;
    this.stopSession?.();
    this.stopSession = null;
    this.clearTimer();
    this.drop();
    this.hasBeenOnline = false;
  }

  get status(): RealtimeStatus {
    return this.statusValue;
  }

  /** Sends a message if connected; says whether it went out. */
  send(message: LiveClientMessage): boolean {
    if (this.socket?.readyState !== OPEN) return false;
    this.socket.send(JSON.stringify(message));
    return true;
  }

  onEvent(listener: (event: LiveEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  onStatus(listener: () => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  private setStatus(status: RealtimeStatus) {
    if (status === this.statusValue) return;
    this.statusValue = status;
    for (const listener of this.statusListeners) listener();
  }

  private clearTimer() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private drop() {
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
      socket.close();
    }
    this.setStatus('offline');
  }

  private followSession() {
    if (!this.running) return;
    const current = session.get();
    if (!current) {
      this.clearTimer();
      this.drop();
      this.hasBeenOnline = false;
      return;
    }
    const user = accessClaims(current.access_token)?.sub ?? null;
    if (this.socket && user !== this.user) {
      // Someone else signed in: their events, not the previous user's.
      this.drop();
      this.hasBeenOnline = false;
    }
    if (!this.socket && !this.connecting) {
      // A new or refreshed token: try it now rather than at the end of a back-off.
      this.clearTimer();
      this.attempt = 0;
      void this.connect();
    }
  }

  private async freshToken(): Promise<string | null> {
    const current = session.get();
    if (!current) return null;
    const token = current.access_token;
    if (token === this.rejectedToken || expiresSoon(token, EXPIRY_MARGIN_SECONDS)) {
      return await refreshAccessToken(token);
    }
    return token;
  }

  private async connect() {
    if (!this.running || this.socket || this.connecting) return;
    this.connecting = true;
    this.setStatus('connecting');
    let token: string | null = null;
    let ticket: string | null = null;
    try {
      token = await this.freshToken();
      if (token) ticket = await this.ticket(token);
    } catch {
      ticket = null;
    } finally {
      this.connecting = false;
    }
    if (!this.running || this.socket) return;
    if (!token || !ticket) {
      // A refused ticket: perhaps the token expired; the next attempt refreshes it.
      if (token) this.rejectedToken = token;
      this.setStatus('offline');
      this.retryLater();
      return;
    }
    const socket = this.createSocket(this.url(ticket));
    this.socket = socket;
    this.user = accessClaims(token)?.sub ?? null;
    let opened = false;
    socket.onopen = () => {
      opened = true;
      this.attempt = 0;
      this.rejectedToken = null;
      this.setStatus('online');
      if (this.hasBeenOnline) for (const listener of this.reconnectListeners) listener();
      this.hasBeenOnline = true;
    };
    socket.onmessage = (message: MessageEvent) => {
      if (typeof message.data !== 'string') return;
      const event = parseLiveEvent(message.data);
      if (event) for (const listener of this.eventListeners) listener(event);
    };
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      // Refused at the handshake: perhaps the token expired; the next attempt gets a new one.
      if (!opened) this.rejectedToken = token;
      this.setStatus('offline');
      this.retryLater();
    };
    socket.onerror = () => {
      // A close event follows every error; reconnecting is decided there.
    };
  }

  private retryLater() {
    if (!this.running || !session.get() || this.timer !== null) return;
    const ceiling = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** this.attempt);
    this.attempt += 1;
    const delay = ceiling / 2 + Math.random() * (ceiling / 2);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.connect();
    }, delay);
  }
}
