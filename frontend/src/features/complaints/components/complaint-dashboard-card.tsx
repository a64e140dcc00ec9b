import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMessageReport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';

import { useComplaints } from '../api/get-complaints';

/** On the staff dashboard: complaints waiting to be verified and those past their deadline, with the way in. */
export function ComplaintDashboardCard() {
  const { t } = useTranslation();
  const received = useComplaints({ status: 'received', page: 1, perPage: 1 });
  const overdue = useComplaints({ overdue: true, page: 1, perPage: 1 });
  const title = t('complaintDesk.title');
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Group justify="space-between" align="center" gap="md">
        <Group gap="md" wrap="nowrap">
          <ThemeIcon variant="light" color="orange" size="xl" radius="md" aria-hidden>
            <IconMessageReport size={24} />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={2} size="h4">
              {title}
            </Title>
            <Text size="sm">
              {received.data ? t('complaintDesk.dashboard.received', { count: received.data.total }) : '…'}
              {' · '}
              {overdue.data ? t('complaintDesk.dashboard.overdue', { count: overdue.data.total }) : '…'}
            </Text>
          </Stack>
        </Group>
        <Button component={Link} to={paths.staffComplaints}>
          {t('complaintDesk.dashboard.open')}
        </Button>
      </Group>
    </Card>
  );
}
