import { Badge, Group, Text } from '@mantine/core';
import { IconBuildingCommunity, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import type { Consultation } from '@/lib/api/types';

const colors = { waiting: 'yellow', active: 'blue', closed: 'gray' } as const;

// Never cut a status short, even in a narrow table column.
const whole = { textTransform: 'none', minWidth: 'max-content' } as const;

type StatusProps = { consultation: Pick<Consultation, 'status' | 'resolution' | 'overdue'> };

/** Menunggu / Aktif / Selesai (with how it ended), and a red flag once past the deadline. */
export function StatusBadge({ consultation }: StatusProps) {
  const { t } = useTranslation();
  const { status, resolution, overdue } = consultation;
  const label =
    status === 'closed' && resolution
      ? `${t('consultations.status.closed')} · ${t(`consultations.resolutions.${resolution}`)}`
      : t(`consultations.status.${status}`);
  // Green text on its pale green is 3.8:1; an answered one is said in white on dark teal (5:1).
  const answered = status === 'closed' && resolution === 'answered';
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={answered ? 'teal.9' : colors[status]} variant={answered ? 'filled' : 'light'} style={whole}>
        {label}
      </Badge>
      {overdue && (
        <Badge color="red" variant="filled" style={whole}>
          {t('consultations.overdue')}
        </Badge>
      )}
    </Group>
  );
}

/** "Antrean ke-2" while waiting; nothing otherwise. */
export function QueuePosition({ position }: { position: number | null | undefined }) {
  const { t } = useTranslation();
  if (position === null || position === undefined) return null;
  return (
    <Text size="sm" fw={600} c="yellow.9">
      {t('consultations.queuePosition', { position })}
    </Text>
  );
}

export function UnreadBadge({ count }: { count: number }) {
  const { t } = useTranslation();
  if (count <= 0) return null;
  return (
    <Badge color="red" variant="filled" style={whole}>
      {t('consultations.unread', { count })}
    </Badge>
  );
}

/** "Tatap muka" for a consultation held at a unit's desk, "Daring" for one asked online. */
export function ChannelBadge({ channel }: { channel: Consultation['channel'] }) {
  const { t } = useTranslation();
  const walkIn = channel === 'walk_in';
  return (
    <Badge
      color={walkIn ? 'teal.9' : 'indigo'}
      variant="outline"
      leftSection={walkIn ? <IconBuildingCommunity size={12} aria-hidden /> : <IconWorld size={12} aria-hidden />}
      style={whole}
    >
      {t(`consultations.channels.${channel}`)}
    </Badge>
  );
}
