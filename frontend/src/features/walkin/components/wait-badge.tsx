import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { formatTimer, minutesSince, waitColors, waitLevel } from '../utils/wait-level';

/** A live wait since `since`, amber from 80 % of the unit's maximum and red beyond it. */
export function WaitBadge({ since, now, maxWaitMinutes }: { since: string; now: number; maxWaitMinutes: number | null | undefined }) {
  const { t } = useTranslation();
  const level = waitLevel(minutesSince(since, now), maxWaitMinutes);
  return (
    <Badge
      color={waitColors[level]}
      variant={level === 'ok' ? 'light' : 'filled'}
      ff="monospace"
      aria-label={t(`walkin.wait.${level}`, { time: formatTimer(since, now) })}
      data-level={level}
    >
      {formatTimer(since, now)}
    </Badge>
  );
}
