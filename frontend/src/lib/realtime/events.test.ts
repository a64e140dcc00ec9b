import { describe, expect, it } from 'vitest';

import { parseLiveEvent } from './events';

describe('reading a live event from a frame', () => {
  it('gives the event the spec describes, typed by its `type`', () => {
    const event = parseLiveEvent('{"type":"queue.moved","consultation_id":"c1","data":{"queue_position":3}}');

    expect(event).toEqual({ type: 'queue.moved', consultation_id: 'c1', data: { queue_position: 3 } });
    expect(event?.type === 'queue.moved' && event.data.queue_position).toBe(3);
  });

  it('passes on the walk-in events of a unit', () => {
    const breach = { type: 'walkin.breach', ticket_id: 't1', unit_code: '3375', data: { number: 'K-007', desk: 'Meja 2', standard_wait_minutes: 12, max_wait_minutes: 10 } };
    expect(parseLiveEvent(JSON.stringify(breach))).toEqual(breach);
    expect(parseLiveEvent('{"type":"walkin.board","data":{}}')).toBeNull();
  });

  it('passes on a refused message with its error code', () => {
    expect(parseLiveEvent('{"type":"error","code":"forbidden"}')).toEqual({ type: 'error', code: 'forbidden' });
  });

  it('drops what is not an event it knows: broken JSON, another type, a frame without its consultation or data', () => {
    expect(parseLiveEvent('{"type":')).toBeNull();
    expect(parseLiveEvent('"typing"')).toBeNull();
    expect(parseLiveEvent('{"type":"presence.changed","consultation_id":"c1","data":{}}')).toBeNull();
    expect(parseLiveEvent('{"type":"typing","data":{"user_id":"u1","role":"officer"}}')).toBeNull();
    expect(parseLiveEvent('{"type":"read","consultation_id":"c1"}')).toBeNull();
    expect(parseLiveEvent('{"type":"error"}')).toBeNull();
  });
});
