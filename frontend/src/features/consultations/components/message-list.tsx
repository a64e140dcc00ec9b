import { Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import type { Message } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

import { AttachmentButton } from './attachment-button';

type MessageListProps = { messages: Message[]; viewerId: string; timeZone: string };

function MessageItem({ message, mine, timeZone }: { message: Message; mine: boolean; timeZone: string }) {
  const { t } = useTranslation();
  const internal = message.visibility === 'internal';
  const who = mine ? t('consultations.messages.you') : message.sender_name;
  return (
    <Box style={{ alignSelf: mine ? 'flex-end' : 'flex-start', maxWidth: 'min(85%, 640px)' }}>
      <Paper
        component="article"
        aria-label={internal ? `${t('consultations.messages.internalBadge')}: ${who}` : who}
        radius="md"
        p="sm"
        bg={internal ? 'yellow.0' : mine ? 'blue.0' : 'gray.0'}
        style={internal ? { borderStyle: 'dashed', borderColor: 'var(--mantine-color-yellow-7)' } : undefined}
        withBorder
      >
        <Group gap={6} mb={4} wrap="wrap">
          {internal && (
            <Badge size="xs" color="yellow.4" variant="filled" autoContrast>
              {t('consultations.messages.internalBadge')}
            </Badge>
          )}
          <Text size="xs" fw={700}>
            {mine ? t('consultations.messages.you') : message.sender_name}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`roles.${message.sender_role}`)} · <time dateTime={message.created_at}>{formatDateTime(message.created_at, timeZone)}</time>
          </Text>
        </Group>
        {message.body && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {message.body}
          </Text>
        )}
        {message.attachments.length > 0 && (
          <Stack gap={4} mt={message.body ? 'xs' : 0} align="flex-start">
            {message.attachments.map((a) => (
              <AttachmentButton key={a.id} attachment={a} />
            ))}
          </Stack>
        )}
      </Paper>
    </Box>
  );
}

/** The conversation, oldest first, scrolled to the newest message as messages arrive. */
export function MessageList({ messages, viewerId, timeZone }: MessageListProps) {
  const { t } = useTranslation();
  const end = useRef<HTMLDivElement>(null);
  const newest = messages.at(-1)?.id;

  useEffect(() => {
    if (newest) end.current?.scrollIntoView({ block: 'nearest' });
  }, [newest]);

  return (
    <Stack gap="sm" role="log" aria-label={t('consultations.detail.conversation')} aria-live="polite">
      {messages.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('consultations.detail.noMessages')}
        </Text>
      )}
      {messages.map((m) => (
        <MessageItem key={m.id} message={m} mine={m.sender_id === viewerId} timeZone={timeZone} />
      ))}
      <div ref={end} />
    </Stack>
  );
}
