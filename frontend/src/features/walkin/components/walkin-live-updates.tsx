import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';

import { useRealtimeEvent } from '@/lib/realtime/context';

import { walkinKeys } from '../api/query-keys';

/**
 * For the unit's staff on the walk-in pages: a visitor who waited beyond the unit's standard is
 * announced at once (the server sends `walkin.breach` on the staff WebSocket), and the day's
 * figures are fetched again.
 */
export function WalkinLiveUpdates({ unitCode }: { unitCode: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  useRealtimeEvent((event) => {
    if (event.type !== 'walkin.breach' || event.unit_code !== unitCode) return;
    const { number, desk, standard_wait_minutes, max_wait_minutes } = event.data;
    notifications.show({
          closeButtonProps: { 'aria-label': t('walkin.closeNotice') },
      color: 'red',
      title: t('walkin.breach.title'),
      message: t('walkin.breach.body', {
        number,
        desk: desk ?? '—',
        minutes: Math.round(standard_wait_minutes),
        max: max_wait_minutes,
      }),
      autoClose: 15_000,
    });
    void queryClient.invalidateQueries({ queryKey: walkinKeys.unit(unitCode) });
  });
  return null;
}
