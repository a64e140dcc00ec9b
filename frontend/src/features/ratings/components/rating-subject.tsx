import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { RatingEntry } from '@/lib/api/types';

/** What was rated: a link to the consultation (online, or the one recorded at the desk), else the visit's ticket. */
export function RatingSubject({ entry, size = 'sm' }: { entry: RatingEntry; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation();
  const label =
    entry.channel === 'online'
      ? t('ratingDesk.consultation', { number: entry.subject_number })
      : t('ratingDesk.visit', { number: entry.subject_number });
  if (entry.consultation_id) {
    return (
      <Anchor component={Link} to={paths.staffConsultation(entry.consultation_id)} size={size} style={{ overflowWrap: 'anywhere' }}>
        {label}
      </Anchor>
    );
  }
  return (
    <Text size={size} ff="monospace">
      {label}
    </Text>
  );
}
