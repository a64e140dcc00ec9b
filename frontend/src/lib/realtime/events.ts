/** What the server pushes over the WebSocket (see docs/consultations.md, "Live events"). */
export type RealtimeEvent = {
  type: 'message.created' | 'consultation.updated' | 'typing' | 'read' | (string & {});
  consultation_id: string;
  data: unknown;
};

/** What the client may send. */
export type ClientMessage =
  | { type: 'typing'; consultation_id: string }
  | { type: 'read'; consultation_id: string; message_id: string };

/** An event from a frame's text; null for anything else (including the server's `error` frames). */
export function parseRealtimeEvent(text: string): RealtimeEvent | null {
  try {
    const value = JSON.parse(text) as Partial<RealtimeEvent>;
    return typeof value.type === 'string' && typeof value.consultation_id === 'string' && 'data' in value
      ? { type: value.type, consultation_id: value.consultation_id, data: value.data }
      : null;
  } catch {
    return null;
  }
}
