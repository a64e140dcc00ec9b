import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { ComplaintTracking } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';
import { lengthProblem } from '@/lib/validation';

import { useReplyToComplaint } from '../api/reply-to-complaint';
import { complaintLimits } from '../utils/options';

/** While the unit's response is the last word: "solved" closes it, a reply sends it back to the unit. */
export function ComplaintReply({ tracking }: { tracking: ComplaintTracking }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const reply = useReplyToComplaint();
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<'sent' | 'closed' | null>(null);

  if (done) {
    return (
      <Alert color="green" icon={<IconCircleCheck />} role="status">
        {t(`complaintDesk.track.reply.${done}`)}
      </Alert>
    );
  }
  if (!tracking.can_reply) return null;

  const send = (resolved: boolean) => {
    const text = body.trim();
    if (!resolved) {
      const problem = lengthProblem(t, text, { ...complaintLimits.reply, minLength: 1 });
      if (problem) {
        setError(problem);
        return;
      }
    }
    reply.mutate(
      resolved ? { code: tracking.tracking_code, resolved: true } : { code: tracking.tracking_code, body: text },
      {
        onSuccess: () => setDone(resolved ? 'closed' : 'sent'),
        onError: (e) => setError(formErrorsFrom(e, ['body'], describeError).body ?? null),
      },
    );
  };

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="complaint-reply-title">
      <Title order={2} size="h4" id="complaint-reply-title">
        {t('complaintDesk.track.reply.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('complaintDesk.track.reply.lead')}
      </Text>
      <Stack gap="sm">
        <Button color="teal.9" leftSection={<IconCircleCheck size={18} />} onClick={() => send(true)} loading={reply.isPending && reply.variables?.resolved === true} style={{ alignSelf: 'flex-start' }}>
          {t('complaintDesk.track.reply.resolved')}
        </Button>
        <Textarea
          label={t('complaintDesk.track.reply.label')}
          autosize
          minRows={3}
          maxLength={complaintLimits.reply.maxLength}
          value={body}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            setError(null);
          }}
          error={error}
        />
        <Group gap="sm">
          <Button variant="default" onClick={() => send(false)} loading={reply.isPending && reply.variables?.resolved !== true}>
            {t('complaintDesk.track.reply.submit')}
          </Button>
        </Group>
        {tracking.auto_close_at && (
          <Text size="xs" c="dimmed">
            {t('complaintDesk.track.reply.autoCloseNote', { date: formatDateTime(tracking.auto_close_at, tracking.time_zone) })}
          </Text>
        )}
        <ErrorAlert error={reply.error} shownFields={['body']} />
      </Stack>
    </Card>
  );
}
