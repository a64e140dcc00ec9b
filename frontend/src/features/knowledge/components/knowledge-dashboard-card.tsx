import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBook, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';

import { useArticles } from '../api/get-articles';
import { useToCurate } from '../api/get-to-curate';

/** On the staff dashboard: the drafts and the conversations waiting to be curated, with the way in. */
export function KnowledgeDashboardCard() {
  const { t } = useTranslation();
  const drafts = useArticles({ status: 'draft', page: 1, perPage: 1 });
  const curate = useToCurate(1, 1);
  const title = t('knowledge.dashboard.title');
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Group justify="space-between" align="center" gap="md">
        <Group gap="md" wrap="nowrap">
          <ThemeIcon variant="light" color="grape" size="xl" radius="md" aria-hidden>
            <IconBook size={24} />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={2} size="h4">
              {title}
            </Title>
            <Text size="sm">
              {drafts.data ? t('knowledge.dashboard.drafts', { count: drafts.data.total }) : '…'}
              {' · '}
              {curate.data ? t('knowledge.dashboard.curate', { count: curate.data.total }) : '…'}
            </Text>
            <Text size="xs" c="dimmed">
              {t('knowledge.dashboard.body')}
            </Text>
          </Stack>
        </Group>
        <Group gap="xs">
          <Button component={Link} to={paths.newArticle} variant="default" leftSection={<IconPlus size={16} />}>
            {t('knowledge.dashboard.newArticle')}
          </Button>
          <Button component={Link} to={paths.staffKnowledge} color="grape">
            {t('knowledge.dashboard.open')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
