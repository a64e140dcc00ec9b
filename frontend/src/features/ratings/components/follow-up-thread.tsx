import { Card, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { RatingFollowUpMessage } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

type FollowUpThreadProps = {
  messages: RatingFollowUpMessage[];
  timeZone: string;
  /** Who reads it: the respondent sees their own messages as "Anda"; staff see every officer's as the unit's. */
  reader: 'staff' | 'respondent';
  title?: string;
};

/** The unit's messages to the respondent and the respondent's replies, oldest first, on the unit's clock. */
export function FollowUpThread({ messages, timeZone, reader, title }: FollowUpThreadProps) {
  const { t } = useTranslation();
  const heading = title ?? t('ratingDesk.thread.title');
  const authorName = (author: RatingFollowUpMessage['author']) =>
    reader === 'respondent' && author === 'respondent' ? t('ratingDesk.thread.you') : t(`ratingDesk.thread.${author}`);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={heading}>
      <Title order={2} size="h5" mb="sm">
        {heading}
      </Title>
      {messages.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('ratingDesk.thread.empty')}
        </Text>
      ) : (
        <Stack gap="sm" component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
          {messages.map((m) => (
            <Paper
              key={m.id}
              component="li"
              withBorder
              radius="md"
              p="sm"
              bg={m.author === 'staff' ? 'gray.0' : undefined}
              ml={m.author === reader ? 'xl' : 0}
              mr={m.author === reader ? 0 : 'xl'}
            >
              <Text size="xs" c="dimmed" fw={600}>
                {t('ratingDesk.thread.at', { author: authorName(m.author), date: formatDateTime(m.created_at, timeZone) })}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {m.body}
              </Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Card>
  );
}
