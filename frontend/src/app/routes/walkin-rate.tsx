import { Alert, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';

import { VisitRating } from '@/features/walkin/components/visit-rating';

/** The rating link emailed after a walk-in visit: the SKM survey, no login, proven by the link's token. */
export function WalkinRateRoute() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const token = search.get('token') ?? '';
  return (
    <Container size="xs" py="lg" px="md">
      <Stack gap="md">
        <div>
          <Title order={1} size="h3">
            {t('walkin.rating.pageTitle')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('walkin.rating.pageLead')}
          </Text>
        </div>
        {token ? (
          <VisitRating ticketId={id} proof={{ token }} />
        ) : (
          <Alert color="red" role="alert">
            {t('walkin.rating.noToken')}
          </Alert>
        )}
      </Stack>
    </Container>
  );
}
