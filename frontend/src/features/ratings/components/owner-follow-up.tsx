import { Skeleton } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import type { Rating } from '@/lib/api/types';

import { useRating } from '../api/get-rating';

import { RespondentFollowUp } from './respondent-follow-up';

/**
 * The unit's follow-up under the owner's own rating of a consultation: read only once an officer
 * has written (before that there is nothing to show).
 */
export function OwnerFollowUp({ rating, timeZone }: { rating: Rating; timeZone: string }) {
  const { t } = useTranslation();
  const written = rating.follow_up_state === 'contacted' || rating.follow_up_state === 'resolved';
  const thread = useRating(rating.id, { enabled: written });
  if (!written) return null;
  if (thread.isPending) return <Skeleton h={120} />;
  if (thread.isError) return <ErrorAlert error={thread.error} />;
  if (thread.data.follow_ups.length === 0) return null;
  return <RespondentFollowUp thread={thread.data} timeZone={timeZone} title={t('ratingDesk.owner.title')} />;
}
