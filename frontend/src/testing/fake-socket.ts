import type { LiveClientMessage, LiveEvent } from '@/lib/api/types';
import type { SocketLike } from '@/lib/realtime/client';

/** A WebSocket stand-in that tests open, feed and drop by hand. */
export class FakeSocket implements SocketLike {
  readyState = 0;
  onopen: SocketLike['onopen'] = null;
  onmessage: SocketLike['onmessage'] = null;
  onclose: SocketLike['onclose'] = null;
  onerror: SocketLike['onerror'] = null;
  readonly sent: LiveClientMessage[] = [];

  readonly url: string;

  constructor(url: string) {
    this.url = url;
  }

  send(data: string) {
    this.sent.push(JSON.parse(data) as LiveClientMessage);
  }

  close() {
    this.readyState = 3;
  }

  open() {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }

  push(event: LiveEvent) {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(event) }));
  }

  /** The server or the network ends the connection. */
  drop() {
    this.readyState = 3;
    this.onclose?.(new CloseEvent('close'));
  }
}

/** Makes fake sockets for a RealtimeClient and keeps them, newest last. */
export function fakeSockets() {
  const made: FakeSocket[] = [];
  return {
    made,
    create: (url: string) => {
      const socket = new FakeSocket(url);
      made.push(socket);
      return socket;
    },
    latest: () => made.at(-1),
  };
}
