import { Button, Container, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';

import { paths } from '@/config/paths';

/** Last resort when a page fails to load or render. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Container size="sm" py="xl">
      <Stack align="flex-start">
        <Title order={1}>{notFound ? t('notFound.title') : t('errors.unexpected')}</Title>
        {notFound && <Text>{t('notFound.body')}</Text>}
        <Button component={Link} to={paths.home} reloadDocument>
          {t('common.backHome')}
        </Button>
      </Stack>
    </Container>
  );
}
