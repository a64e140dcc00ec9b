import { Button, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <Stack align="flex-start" py="xl">
      <Text c="dimmed" fw={700} size="xl">
        404
      </Text>
      <Title order={1}>{t('notFound.title')}</Title>
      <Text>{t('notFound.body')}</Text>
      <Button component={Link} to={paths.home}>
        {t('common.backHome')}
      </Button>
    </Stack>
  );
}
