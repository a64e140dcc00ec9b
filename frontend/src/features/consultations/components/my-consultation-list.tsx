import { Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { Pager } from '@/components/ui/pager';
import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import type { Consultation } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

import { useConsultations } from '../api/get-consultations';
import { nameOf, zoneOf, type UnitsByCode } from '../utils/unit-lookup';

import { ChannelBadge, QueuePosition, StatusBadge, UnreadBadge } from './status-badge';

const PER_PAGE = 10;

function Row({ consultation: c, units }: { consultation: Consultation; units: UnitsByCode }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={c.subject}>
      <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
        <Text size="xs" c="dimmed">
          {c.number} · {nameOf(units, c.unit_code)}
        </Text>
        <UnreadBadge count={c.unread_count} />
      </Group>
      <Anchor component={Link} to={paths.consultation(c.id)} fw={600} style={{ overflowWrap: 'anywhere' }}>
        {c.subject}
      </Anchor>
      <Group gap={6} mt={6} wrap="wrap">
        <StatusBadge consultation={c} />
        <Badge variant="outline" color="gray" style={{ textTransform: 'none' }}>
          {t(`consultations.categories.${c.category}.label`)}
        </Badge>
        <ChannelBadge channel={c.channel} />
      </Group>
      <QueuePosition position={c.queue_position} />
      {c.deadline_at && (
        <Text size="xs" c="dimmed" mt={4}>
          {t('consultations.deadline', { date: formatDateTime(c.deadline_at, zoneOf(units, c.unit_code)) })}
        </Text>
      )}
    </Card>
  );
}

/** The signed-in member of the public's consultations, newest first, kept live. */
export function MyConsultationList({ units }: { units: UnitsByCode }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useConsultations({ page, perPage: PER_PAGE });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PER_PAGE)) : 1;

  return (
    <Stack gap="sm">
      {list.isPending && <Skeleton h={160} />}
      <ErrorAlert error={list.error} />
      {list.data && list.data.items.length === 0 && (
        <Card withBorder radius="md" padding="lg">
          <Stack align="flex-start" gap="sm">
            <Text c="dimmed">{t('consultations.mine.empty')}</Text>
            <Button component={Link} to={paths.newConsultation()} leftSection={<IconPlus size={16} />}>
              {t('consultations.mine.newCta')}
            </Button>
          </Stack>
        </Card>
      )}
      {list.data && list.data.items.length > 0 && (
        <>
          <Text size="sm" c="dimmed">
            {t('consultations.mine.total', { count: list.data.total })}
          </Text>
          {list.data.items.map((c) => (
            <Row key={c.id} consultation={c} units={units} />
          ))}
        </>
      )}
      <Pager total={pages} value={page} onChange={setPage} />
    </Stack>
  );
}
