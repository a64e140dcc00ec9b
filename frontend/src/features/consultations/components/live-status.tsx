import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { useRealtimeStatus } from '@/lib/realtime/context';

const colors = { online: 'var(--mantine-color-green-6)', connecting: 'var(--mantine-color-yellow-6)', offline: 'var(--mantine-color-red-6)' };

/** Whether this page is receiving live updates, so nobody waits for an answer that cannot arrive. */
export function LiveStatus() {
  const { t } = useTranslation();
  const status = useRealtimeStatus();
  return (
    <Group gap={6} wrap="nowrap" role="status">
      <span aria-hidden style={{ width: 8, height: 8, borderRadius: '50%', background: colors[status], display: 'inline-block' }} />
      <Text size="xs" c="dimmed">
        {t(`consultations.live.${status}`)}
      </Text>
    </Group>
  );
}
