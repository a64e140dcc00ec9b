import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useId, useState, type ReactNode } from 'react';
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
  /** What may be done to the consultation as a whole (the owner's withdrawal), at the card's top. */
  actions?: ReactNode;
};

/**
 * The head of a conversation: what, where, who, and where it stands (live). On a phone only its
 * number, status, channel and subject show until asked for the rest, so that the conversation is in view.
 */
export function ConsultationSummary({ consultation: c, unitName, timeZone, showOwner = false, actions }: ConsultationSummaryProps) {
  const { t } = useTranslation();
  // Read at once (no server rendering): the details do not flash open on a phone.
  const phone = useMediaQuery('(max-width: 48em)', undefined, { getInitialValueInEffect: false });
  const [expanded, setExpanded] = useState(false);
  const open = !phone || expanded;
  const detailsId = useId();
  return (
    <Card withBorder radius="md" padding={phone ? 'md' : 'lg'} component="section" aria-labelledby="consultation-subject">
      <Stack gap={phone ? 'xs' : 'md'}>
        <div>
          <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {c.number}
              </Text>
              <StatusBadge consultation={c} />
              <ChannelBadge channel={c.channel} />
              {open && c.to_index && (
                <Badge color="grape" variant="light" style={{ textTransform: 'none' }}>
                  {t('consultations.toIndex')}
                </Badge>
              )}
            </Group>
            {!phone && actions}
          </Group>
          <Title order={1} size={phone ? 'h3' : 'h2'} id="consultation-subject" style={{ overflowWrap: 'anywhere' }}>
            {c.subject}
          </Title>
          <QueuePosition position={c.queue_position} />
          {open && c.channel === 'walk_in' && (
            <Text size="sm" c="dimmed" mt={4}>
              {t('consultations.detail.walkInNote')}
            </Text>
          )}
        </div>
        {phone && (
          // The toggle, and on its line what may be done to the consultation (a narrow screen has no room beside the number).
          <Group justify="space-between" gap="xs">
            <Button
              variant="subtle"
              size="compact-sm"
              aria-expanded={expanded}
              aria-controls={detailsId}
              onClick={() => setExpanded((was) => !was)}
              rightSection={expanded ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
            >
              {expanded ? t('consultations.detail.hideDetails') : t('consultations.detail.showDetails')}
            </Button>
            {actions}
          </Group>
        )}
        <div id={detailsId} hidden={!open}>
          <Stack gap="md">
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
        </div>
      </Stack>
    </Card>
  );
}
