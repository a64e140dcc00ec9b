import { everyValueOf } from '@/lib/api/enums';
import type { LiveEvent } from '@/lib/api/types';

/** The events about a consultation: all but the server's `error` (a refused client message). */
type ConsultationEvent = Exclude<LiveEvent, { type: 'error' }>;

const consultationEventTypes = everyValueOf<ConsultationEvent['type']>()([
  'message.created',
  'consultation.updated',
  'queue.moved',
  'typing',
  'read',
]);

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/**
 * The event in a frame's text, or null for anything the spec does not describe (malformed JSON, a
 * `type` from a newer server). The frame's shape is checked; its `data` is the server's word.
 */
export function parseLiveEvent(text: string): LiveEvent | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isObject(value)) return null;
  if (value.type === 'error') return typeof value.code === 'string' ? (value as LiveEvent) : null;
  const known = consultationEventTypes.some((type) => type === value.type);
  return known && typeof value.consultation_id === 'string' && isObject(value.data) ? (value as LiveEvent) : null;
}
