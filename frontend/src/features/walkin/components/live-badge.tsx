import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { FeedStatus } from '@/lib/realtime/feed';

const colors: Record<FeedStatus, string> = {
  online: 'var(--mantine-color-green-6)',
  connecting: 'var(--mantine-color-yellow-6)',
  offline: 'var(--mantine-color-red-6)',
};

/** Whether a page without login is receiving live updates. */
export function LiveBadge({ status, c = 'dimmed' }: { status: FeedStatus; c?: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap" role="status">
      <span aria-hidden style={{ width: 10, height: 10, borderRadius: '50%', background: colors[status], display: 'inline-block' }} />
      <Text size="sm" c={c}>
        {t(`walkin.live.${status}`)}
      </Text>
    </Group>
  );
}
