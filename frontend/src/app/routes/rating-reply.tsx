import { Alert, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';

import { ReplyByLink } from '@/features/ratings/components/reply-by-link';

import { UnitsGate } from './units-gate';

/** The link emailed with a unit's follow-up of a rating: the thread and a reply, no login, proven by the token. */
export function RatingReplyRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  return (
    <Container size="sm" py="lg" px="md">
      <Stack gap="md">
        <div>
          <Title order={1} size="h3">
            {t('ratingDesk.replyPage.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('ratingDesk.replyPage.lead')}
          </Text>
        </div>
        {token ? (
          <UnitsGate>{(units) => <ReplyByLink ratingId={id} token={token} units={units} />}</UnitsGate>
        ) : (
          <Alert color="red" role="alert">
            {t('ratingDesk.replyPage.noToken')}
          </Alert>
        )}
      </Stack>
    </Container>
  );
}
