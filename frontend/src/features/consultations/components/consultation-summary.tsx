import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { Consultation } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

import { ProvisionalDeadlineNote } from './provisional-deadline';
import { ChannelBadge, QueuePosition, StatusBadge } from './status-badge';

/** A labelled value; the group carries the label's name, so "Tenggat" names its date. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  const labelId = useId();
  return (
    <div role="group" aria-labelledby={labelId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600} id={labelId}>
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

type ConsultationSummaryProps = {
  consultation: Consultation;
  unitName: string;
  timeZone: string;
  /** Staff see who asked, and whether the deadline is provisional. */
  showOwner?: boolean;
};

/** The head of a conversation: what, where, who, and where it stands (live). */
export function ConsultationSummary({ consultation: c, unitName, timeZone, showOwner = false }: ConsultationSummaryProps) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby="consultation-subject">
      <Stack gap="md">
        <div>
          <Group gap="xs" mb={4}>
            <Text size="sm" c="dimmed">
              {c.number}
            </Text>
            <StatusBadge consultation={c} />
            <ChannelBadge channel={c.channel} />
            {c.to_index && (
              <Badge color="grape" variant="light" style={{ textTransform: 'none' }}>
                {t('consultations.toIndex')}
              </Badge>
            )}
          </Group>
          <Title order={1} size="h2" id="consultation-subject" style={{ overflowWrap: 'anywhere' }}>
            {c.subject}
          </Title>
          <QueuePosition position={c.queue_position} />
          {c.channel === 'walk_in' && (
            <Text size="sm" c="dimmed" mt={4}>
              {t('consultations.detail.walkInNote')}
            </Text>
          )}
        </div>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <Field label={t('consultations.detail.unit')}>{unitName}</Field>
          <Field label={t('consultations.detail.category')}>{t(`consultations.categories.${c.category}.label`)}</Field>
          {showOwner && <Field label={t('consultations.detail.owner')}>{c.owner.full_name}</Field>}
          <Field label={t('consultations.detail.assignee')}>
            {c.assignee?.full_name || t('consultations.detail.noAssignee')}
          </Field>
          <Field label={t('consultations.detail.createdAt')}>{formatDateTime(c.created_at, timeZone)}</Field>
          <Field label={t('consultations.detail.deadline')}>
            {c.deadline_at ? (
              <Text span fw={600} size="sm" c={c.overdue ? 'red' : undefined}>
                {formatDateTime(c.deadline_at, timeZone)}
              </Text>
            ) : (
              <Text span size="sm" c="dimmed">
                {t('consultations.detail.deadlineNotYet')}
              </Text>
            )}
            {showOwner && <ProvisionalDeadlineNote consultation={c} timeZone={timeZone} />}
          </Field>
          {c.closed_at && <Field label={t('consultations.detail.closedAt')}>{formatDateTime(c.closed_at, timeZone)}</Field>}
        </SimpleGrid>
        {c.summary && (
          <Field label={t('consultations.detail.summary')}>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.summary}
            </Text>
          </Field>
        )}
      </Stack>
    </Card>
  );
}
