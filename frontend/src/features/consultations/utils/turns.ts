import type { Message } from '@/lib/api/types';

/** Messages of one sender, of one visibility, this close together, read as one turn. */
const turnGapMs = 5 * 60 * 1000;

/** Whether a message carries on its sender's turn from the message just before it. */
export function continuesTurn(previous: Message | undefined, message: Message) {
  if (!previous) return false;
  if (previous.sender_id !== message.sender_id || previous.visibility !== message.visibility) return false;
  const gap = Date.parse(message.created_at) - Date.parse(previous.created_at);
  return gap >= 0 && gap <= turnGapMs;
}
