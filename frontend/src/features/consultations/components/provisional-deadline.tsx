import { Box, Group, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { Consultation } from '@/lib/api/types';
import { yearIn } from '@/lib/format/date-time';

type ProvisionalProps = { consultation: Pick<Consultation, 'deadline_at' | 'deadline_provisional'>; timeZone: string };

/** The year whose decree is missing, as staff are told it: the deadline's own year in the unit's zone. */
function provisionalYear({ deadline_at, deadline_provisional }: ProvisionalProps['consultation'], timeZone: string) {
  return deadline_provisional && deadline_at ? yearIn(deadline_at, timeZone) : null;
}

/**
 * For staff, under a deadline counted through a year whose holiday decree is not loaded: what it
 * lacks, said in full. Nothing for any other deadline.
 */
export function ProvisionalDeadlineNote({ consultation, timeZone }: ProvisionalProps) {
  const { t } = useTranslation();
  const year = provisionalYear(consultation, timeZone);
  if (year === null) return null;
  return (
    <Box
      mt={6}
      px="xs"
      py={4}
      bg="yellow.0"
      style={{ borderInlineStart: '3px solid var(--mantine-color-orange-9)', borderRadius: 4 }}
    >
      <Group gap={4} wrap="nowrap" align="flex-start">
        <IconAlertTriangle size={14} color="var(--mantine-color-orange-9)" aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="xs" fw={600}>
          {t('consultations.provisional.mark', { year })}
        </Text>
      </Group>
      <Text size="xs">
        {t('consultations.provisional.description', { year })}
      </Text>
    </Box>
  );
}

/** A staff list's short mark next to a provisional deadline: an icon named in full, explained on hover. */
export function ProvisionalDeadlineMark({ consultation, timeZone }: ProvisionalProps) {
  const { t } = useTranslation();
  const year = provisionalYear(consultation, timeZone);
  if (year === null) return null;
  return (
    <Tooltip label={t('consultations.provisional.description', { year })} multiline w={280} withArrow>
      <Box
        component="span"
        role="img"
        aria-label={t('consultations.provisional.mark', { year })}
        style={{ display: 'inline-flex', verticalAlign: 'text-bottom', marginInlineStart: 4 }}
      >
        <IconAlertTriangle size={14} color="var(--mantine-color-orange-9)" aria-hidden />
      </Box>
    </Tooltip>
  );
}
