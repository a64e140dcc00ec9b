import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { session } from '@/lib/auth/session';
import { fakeSockets } from '@/testing/fake-socket';
import { json, mockApi } from '@/testing/mock-api';

import { RealtimeClient } from './client';

/** An unsigned JWT-shaped token: the client only reads its claims. */
function token(sub: string, expiresInSeconds: number) {
  const payload = btoa(JSON.stringify({ sub, exp: Math.floor(Date.now() / 1000) + expiresInSeconds }));
  return `h.${payload.replace(/=+$/, '')}.s`;
}

const flush = () => vi.advanceTimersByTimeAsync(0);

/** Stands for the server's one-time ticket of an access token. */
const ticket = (accessToken: string) => Promise.resolve(`ticket-for-${accessToken}`);

describe('the realtime client', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('connects with a ticket for the access token and passes events on', async () => {
    session.set({ access_token: token('u1', 600), refresh_token: 'r' });
    const sockets = fakeSockets();
    const client = new RealtimeClient({ createSocket: sockets.create, ticket, url: (t) => `ws://test/ws?ticket=${t}` });
    const events: unknown[] = [];
    client.onEvent((e) => events.push(e));

    client.start();
    await flush();
    sockets.latest()?.open();
    sockets.latest()?.push({ type: 'typing', consultation_id: 'c1', data: { user_id: 'u2', role: 'officer' } });

    expect(sockets.made).toHaveLength(1);
    expect(sockets.latest()?.url).toBe(`ws://test/ws?ticket=ticket-for-${session.get()?.access_token}`);
    expect(events).toEqual([{ type: 'typing', consultation_id: 'c1', data: { user_id: 'u2', role: 'officer' } }]);
    expect(client.status).toBe('online');
    client.stop();
  });

  it('reconnects after a drop, backing off, and announces the reconnection for catching up', async () => {
    session.set({ access_token: token('u1', 600), refresh_token: 'r' });
    const sockets = fakeSockets();
    const client = new RealtimeClient({ createSocket: sockets.create, ticket });
    const reconnected = vi.fn();
    client.onReconnect(reconnected);
    client.start();
    await flush();
    sockets.latest()?.open();
    expect(reconnected).not.toHaveBeenCalled();

    sockets.latest()?.drop();
    expect(client.status).toBe('offline');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sockets.made).toHaveLength(2);
    sockets.latest()?.open();

    expect(reconnected).toHaveBeenCalledTimes(1);
    client.stop();
  });

  it('asks the server for a one-time ticket and never puts the access token in the URL', async () => {
    const access = token('u1', 600);
    session.set({ access_token: access, refresh_token: 'r' });
    const { calls } = mockApi({
      'POST /api/v1/ws/tickets': () => json(201, { ticket: 'one-time-1', expires_at: '2026-12-07T03:01:00Z' }),
    });
    const sockets = fakeSockets();
    const client = new RealtimeClient({ createSocket: sockets.create, url: (t) => `ws://test/ws?ticket=${t}` });

    client.start();
    await vi.waitFor(() => expect(sockets.made).toHaveLength(1), { timeout: 15_000 });

    expect(sockets.latest()?.url).toBe('ws://test/ws?ticket=one-time-1');
    expect(sockets.latest()?.url).not.toContain(access);
    expect(calls.find((c) => c.path === '/api/v1/ws/tickets')?.authorization).toBe(`Bearer ${access}`);
    client.stop();
  });

  it('refreshes an expiring token before the handshake', async () => {
    session.set({ access_token: token('u1', 10), refresh_token: 'r1' });
    const fresh = token('u1', 900);
    mockApi({
      'POST /api/v1/auth/refresh': () => json(200, { access_token: fresh, refresh_token: 'r2', expires_in: 900 }),
    });
    const sockets = fakeSockets();
    const client = new RealtimeClient({ createSocket: sockets.create, ticket: (t) => Promise.resolve(t), url: (t) => t });

    client.start();
    // The refresh goes through fetch: wait for its outcome, with room for a busy machine (the default is 1 s).
    await vi.waitFor(() => expect(sockets.made).toHaveLength(1), { timeout: 15_000 });

    expect(sockets.latest()?.url).toBe(fresh);
    expect(session.get()?.refresh_token).toBe('r2');
    client.stop();
  });

  it('closes on logout and stays closed', async () => {
    session.set({ access_token: token('u1', 600), refresh_token: 'r' });
    const sockets = fakeSockets();
    const client = new RealtimeClient({ createSocket: sockets.create, ticket });
    client.start();
    await flush();
    sockets.latest()?.open();

    session.clear('logout');
    await vi.advanceTimersByTimeAsync(60_000);

    expect(sockets.latest()?.readyState).toBe(3);
    expect(sockets.made).toHaveLength(1);
    client.stop();
  });

  it('connects again at once for another user', async () => {
    session.set({ access_token: token('u1', 600), refresh_token: 'r' });
    const sockets = fakeSockets();
    const client = new RealtimeClient({ createSocket: sockets.create, ticket: (t) => Promise.resolve(t), url: (t) => t });
    client.start();
    await flush();
    sockets.latest()?.open();

    const other = token('u2', 600);
    session.set({ access_token: other, refresh_token: 'r' });
    await flush();

    expect(sockets.made).toHaveLength(2);
    expect(sockets.made[0]?.readyState).toBe(3);
    expect(sockets.latest()?.url).toBe(other);
    client.stop();
  });

  it('sends typing and read messages only while connected', async () => {
    session.set({ access_token: token('u1', 600), refresh_token: 'r' });
    const sockets = fakeSockets();
    const client = new RealtimeClient({ createSocket: sockets.create, ticket });
    client.start();
    await flush();

    expect(client.send({ type: 'typing', consultation_id: 'c1' })).toBe(false);
    sockets.latest()?.open();
    expect(client.send({ type: 'read', consultation_id: 'c1', message_id: 'm1' })).toBe(true);
    expect(sockets.latest()?.sent).toEqual([{ type: 'read', consultation_id: 'c1', message_id: 'm1' }]);
    client.stop();
  });
});
