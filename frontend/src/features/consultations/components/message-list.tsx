import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import type { Message } from '@/lib/api/types';
import { formatDateTime, formatTime } from '@/lib/format/date-time';

import { continuesTurn } from '../utils/turns';

import { AttachmentButton } from './attachment-button';
import { LinkedText } from './linked-text';

type MessageListProps = { messages: Message[]; viewerId: string; timeZone: string };

type MessageItemProps = {
  message: Message;
  mine: boolean;
  timeZone: string;
  /** Carries on the turn of the message before: no name or role again, only the time, smaller. */
  continued: boolean;
  first: boolean;
};

function MessageItem({ message, mine, timeZone, continued, first }: MessageItemProps) {
  const { t } = useTranslation();
  const internal = message.visibility === 'internal';
  const who = mine ? t('consultations.messages.you') : message.sender_name;
  return (
    <Box style={{ alignSelf: mine ? 'flex-end' : 'flex-start', maxWidth: 'min(85%, 640px)' }} mt={first ? 0 : continued ? 4 : 'sm'}>
      <Paper
        component="article"
        aria-label={internal ? `${t('consultations.messages.internalBadge')}: ${who}` : who}
        radius="md"
        p="sm"
        bg={internal ? 'yellow.0' : mine ? 'blue.0' : 'gray.0'}
        style={internal ? { borderStyle: 'dashed', borderColor: 'var(--mantine-color-yellow-7)' } : undefined}
        withBorder
      >
        {!continued && (
          <Group gap={6} mb={4} wrap="wrap">
            {internal && (
              <Badge size="xs" color="yellow.4" variant="filled" autoContrast>
                {t('consultations.messages.internalBadge')}
              </Badge>
            )}
            <Text size="xs" fw={700}>
              {who}
            </Text>
            <Text size="xs" c="dimmed">
              {t(`roles.${message.sender_role}`)} · <time dateTime={message.created_at}>{formatDateTime(message.created_at, timeZone)}</time>
            </Text>
          </Group>
        )}
        {message.body && <LinkedText text={message.body} />}
        {message.attachments.length > 0 && (
          <Stack gap={4} mt={message.body ? 'xs' : 0} align="flex-start">
            {message.attachments.map((a) => (
              <AttachmentButton key={a.id} attachment={a} />
            ))}
          </Stack>
        )}
        {continued && (
          <Text size="xs" c="dimmed" ta="right" mt={2} lh={1.2}>
            <time dateTime={message.created_at} title={formatDateTime(message.created_at, timeZone)}>
              {formatTime(message.created_at, timeZone)}
            </time>
          </Text>
        )}
      </Paper>
    </Box>
  );
}

/**
 * The conversation, oldest first, scrolled to the newest message as messages arrive. A sender's
 * messages in a row (within five minutes, of one visibility) are one turn: the name heads its first.
 */
export function MessageList({ messages, viewerId, timeZone }: MessageListProps) {
  const { t } = useTranslation();
  const end = useRef<HTMLDivElement>(null);
  const newest = messages.at(-1)?.id;

  useEffect(() => {
    if (newest) end.current?.scrollIntoView({ block: 'nearest' });
  }, [newest]);

  return (
    <Stack gap={0} role="log" aria-label={t('consultations.detail.conversation')} aria-live="polite">
      {messages.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('consultations.detail.noMessages')}
        </Text>
      )}
      {messages.map((m, i) => {
        const continued = continuesTurn(messages[i - 1], m);
        return <MessageItem key={m.id} message={m} mine={m.sender_id === viewerId} timeZone={timeZone} continued={continued} first={i === 0} />;
      })}
      <div ref={end} />
    </Stack>
  );
}
