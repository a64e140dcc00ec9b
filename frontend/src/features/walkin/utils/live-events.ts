import type { Board, Ticket } from '@/lib/api/types';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** The board in a frame of the board's WebSocket, or null for any other frame. */
export function boardFromFrame(frame: unknown, unitCode: string): Board | null {
  if (!isObject(frame) || frame.type !== 'walkin.board' || frame.unit_code !== unitCode || !isObject(frame.data)) return null;
  const data = frame.data;
  return Array.isArray(data.now_serving) && Array.isArray(data.recent_calls) && isObject(data.waiting)
    ? (data as unknown as Board)
    : null;
}

/** The ticket in a frame of a ticket's WebSocket, or null for any other frame. */
export function ticketFromFrame(frame: unknown, ticketId: string): Ticket | null {
  if (!isObject(frame) || frame.type !== 'walkin.ticket' || frame.ticket_id !== ticketId || !isObject(frame.data)) return null;
  return typeof frame.data.status === 'string' && typeof frame.data.number === 'string' ? (frame.data as unknown as Ticket) : null;
}
