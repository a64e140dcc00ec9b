import { afterEach, describe, expect, it, vi } from 'vitest';

import { fakeSockets } from '@/testing/fake-socket';

import { openFeed, type FeedStatus } from './feed';

afterEach(() => vi.useRealTimers());

describe('a feed without login', () => {
  it('passes on each frame and reconnects after a drop with a growing delay', () => {
    vi.useFakeTimers();
    vi.spyOn(Math, 'random').mockReturnValue(1);
    const sockets = fakeSockets();
    const frames: unknown[] = [];
    const statuses: FeedStatus[] = [];
    const stop = openFeed({
      url: 'ws://localhost/api/v1/units/3375/walkin/board/live',
      onMessage: (data) => frames.push(data),
      onStatus: (s) => statuses.push(s),
      createSocket: sockets.create,
    });
    expect(sockets.made).toHaveLength(1);
    sockets.latest()?.open();
    sockets.latest()?.onmessage?.(new MessageEvent('message', { data: '{"type":"walkin.board"}' }));
    sockets.latest()?.onmessage?.(new MessageEvent('message', { data: 'not json' }));
    expect(frames).toEqual([{ type: 'walkin.board' }]);

    sockets.latest()?.drop();
    vi.advanceTimersByTime(999);
    expect(sockets.made).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets.made).toHaveLength(2);
    sockets.latest()?.drop();
    vi.advanceTimersByTime(1_999);
    expect(sockets.made).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets.made).toHaveLength(3);
    sockets.latest()?.open();
    expect(statuses.at(-1)).toBe('online');

    stop();
    sockets.latest()?.drop();
    vi.advanceTimersByTime(60_000);
    expect(sockets.made).toHaveLength(3);
  });
});
