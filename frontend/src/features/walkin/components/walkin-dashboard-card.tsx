import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconDeviceTv } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useBoard } from '../api/get-board';

/** On the staff dashboard: how many visitors wait at the unit and how many desks serve, with the way in. */
export function WalkinDashboardCard({ unitCode, to }: { unitCode: string; to: string }) {
  const { t } = useTranslation();
  const board = useBoard(unitCode);
  const title = t('walkin.dashboard.title');
  const waiting = board.data ? Object.values(board.data.waiting).reduce((sum, n) => sum + n, 0) : null;
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-label={title}>
      <Group justify="space-between" align="center" gap="md">
        <Group gap="md" wrap="nowrap">
          <ThemeIcon variant="light" color="teal" size="xl" radius="md" aria-hidden>
            <IconDeviceTv size={24} />
          </ThemeIcon>
          <Stack gap={2}>
            <Title order={2} size="h4">
              {title}
            </Title>
            <Text size="sm">
              {board.data && waiting !== null
                ? `${t('walkin.dashboard.waiting', { count: waiting })} · ${t('walkin.dashboard.atDesks', { count: board.data.now_serving.length })}`
                : '…'}
            </Text>
          </Stack>
        </Group>
        <Button component={Link} to={to}>
          {t('walkin.dashboard.open')}
        </Button>
      </Group>
    </Card>
  );
}
