import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import type { FollowUpState } from '@/lib/api/types';

// White on the .9 shades passes AA at badge size; light variants of these do not all.
const colors = { none: 'gray.7', open: 'red.9', contacted: 'blue.9', resolved: 'teal.9' } as const;

/** Where a rating's follow-up stands: not needed, needed, respondent contacted, resolved. */
export function FollowUpStateBadge({ state }: { state: FollowUpState }) {
  const { t } = useTranslation();
  return (
    <Badge color={colors[state]} variant="filled" style={{ textTransform: 'none', minWidth: 'max-content' }}>
      {t(`ratingDesk.states.${state}`)}
    </Badge>
  );
}
