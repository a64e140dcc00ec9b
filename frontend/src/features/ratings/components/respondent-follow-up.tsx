import { Alert, Card, Stack, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { requestLimits } from '@/lib/api/limits.gen';
import type { RatingThread } from '@/lib/api/types';

import { useReplyToFollowUp } from '../api/reply-to-follow-up';

import { FollowUpThread } from './follow-up-thread';
import { MessageForm } from './message-form';

type RespondentFollowUpProps = {
  thread: RatingThread;
  timeZone: string;
  /** The emailed link's token, for respondents without an account. */
  token?: string;
  title?: string;
};

/** What the respondent sees of the unit's follow-up: the messages, and a reply while the unit awaits one. */
export function RespondentFollowUp({ thread, timeZone, token, title }: RespondentFollowUpProps) {
  const { t } = useTranslation();
  const reply = useReplyToFollowUp();
  return (
    <Stack gap="sm">
      <FollowUpThread messages={thread.follow_ups} timeZone={timeZone} reader="respondent" title={title} />
      {thread.follow_up_state === 'contacted' && (
        <Card withBorder radius="md" padding="md" component="section" aria-label={t('ratingDesk.reply.title')}>
          <Title order={2} size="h5" mb="sm">
            {t('ratingDesk.reply.title')}
          </Title>
          <MessageForm
            field="body"
            label={t('ratingDesk.reply.body')}
            submitLabel={t('ratingDesk.reply.submit')}
            limits={requestLimits.RatingReplyRequest.body}
            pending={reply.isPending}
            error={reply.error}
            doneText={reply.isSuccess ? t('ratingDesk.reply.sent') : null}
            onSubmit={(body, callbacks) => reply.mutate({ id: thread.id, body, token }, callbacks)}
          />
        </Card>
      )}
      {thread.follow_up_state === 'resolved' && (
        <Alert color="teal" icon={<IconCircleCheck />} role="status">
          {t('ratingDesk.reply.closed')}
        </Alert>
      )}
    </Stack>
  );
}
