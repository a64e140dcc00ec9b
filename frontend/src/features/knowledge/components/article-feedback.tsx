import { Alert, Button, Card, Group, Text } from '@mantine/core';
import { IconHeartHandshake, IconMessageQuestion, IconThumbUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api/problem';
import type { Article } from '@/lib/api/types';

import { useSendFeedback } from '../api/send-feedback';

/**
 * "Jawaban ini membantu" / "Saya masih butuh bantuan". The second leads on to the new-consultation
 * form, filled in from the article (through the login page for a visitor without an account).
 */
export function ArticleFeedback({ article }: { article: Article }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const feedback = useSendFeedback();
  const [thanked, setThanked] = useState(false);
  const title = t('knowledge.feedback.title');

  const stillNeedHelp = () =>
    feedback.mutate(
      { slug: article.slug, helpful: false, context: 'article' },
      {
        // Counting the answer is for statistics: the reader goes on to ask either way.
        onSettled: () =>
          void navigate(paths.newConsultation({ unit: article.unit_code, category: article.category, subject: article.title })),
      },
    );

  if (thanked) {
    return (
      <Alert color="green" icon={<IconHeartHandshake />} title={t('knowledge.feedback.thanksTitle')} role="status">
        {t('knowledge.feedback.thanksBody')}
      </Alert>
    );
  }

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={title} bg="blue.0">
      <Text fw={600} mb="sm">
        {title}
      </Text>
      <Group gap="sm">
        <Button
          leftSection={<IconThumbUp size={16} />}
          loading={feedback.isPending && feedback.variables?.helpful === true}
          disabled={feedback.isPending}
          onClick={() =>
            feedback.mutate(
              { slug: article.slug, helpful: true, context: 'article' },
              {
                onSuccess: () => setThanked(true),
                // The reader's answer was counted a moment ago already: thank them all the same.
                onError: (error) => {
                  if (isApiError(error, 'too_many_attempts')) setThanked(true);
                },
              },
            )
          }
        >
          {t('knowledge.feedback.helpful')}
        </Button>
        <Button
          variant="default"
          leftSection={<IconMessageQuestion size={16} />}
          loading={feedback.isPending && feedback.variables?.helpful === false}
          disabled={feedback.isPending}
          onClick={stillNeedHelp}
        >
          {t('knowledge.feedback.stillNeedHelp')}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt="xs">
        {t('knowledge.feedback.stillNeedHelpHint')}
      </Text>
      {feedback.variables?.helpful && <ErrorAlert error={feedback.error} />}
    </Card>
  );
}
