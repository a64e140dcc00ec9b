import { everyValueOf } from '@/lib/api/enums';
import type { LiveEvent } from '@/lib/api/types';

/** The events about a consultation. */
type ConsultationEvent = Extract<LiveEvent, { consultation_id: string }>;
/** The events about a unit's walk-in queue. */
type WalkinEvent = Extract<LiveEvent, { unit_code: string }>;

const consultationEventTypes = everyValueOf<ConsultationEvent['type']>()([
  'message.created',
  'consultation.updated',
  'queue.moved',
  'typing',
  'read',
]);

const walkinEventTypes = everyValueOf<WalkinEvent['type']>()(['walkin.ticket', 'walkin.board', 'walkin.breach']);

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
  if (!isObject(value.data)) return null;
  if (walkinEventTypes.some((type) => type === value.type)) return typeof value.unit_code === 'string' ? (value as LiveEvent) : null;
  const known = consultationEventTypes.some((type) => type === value.type);
  return known && typeof value.consultation_id === 'string' ? (value as LiveEvent) : null;
}
