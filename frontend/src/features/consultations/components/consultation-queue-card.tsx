import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMessages } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';

import { useConsultations } from '../api/get-consultations';

/** On the staff dashboard: how many wait and how many are one's own, live, with the way in. */
export function ConsultationQueueCard() {
  const { t } = useTranslation();
  const waiting = useConsultations({ status: 'waiting', page: 1, perPage: 1 });
  const mine = useConsultations({ status: 'active', mine: true, page: 1, perPage: 1 });
  const title = t('consultations.dashboard.title');
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Group justify="space-between" align="center" gap="md">
        <Group gap="md" wrap="nowrap">
          <ThemeIcon variant="light" size="xl" radius="md" aria-hidden>
            <IconMessages size={24} />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={2} size="h4">
              {title}
            </Title>
            <Text size="sm">
              {waiting.data ? t('consultations.dashboard.waiting', { count: waiting.data.total }) : '…'}
              {' · '}
              {mine.data ? t('consultations.dashboard.mine', { count: mine.data.total }) : '…'}
            </Text>
          </Stack>
        </Group>
        <Button component={Link} to={paths.staffConsultations}>
          {t('consultations.dashboard.open')}
        </Button>
      </Group>
    </Card>
  );
}
