import { Alert } from '@mantine/core';
import { IconHeartHandshake, IconInfoCircle, IconLinkOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { SkmRatingForm } from '@/components/rating/skm-rating-form';
import { isApiError } from '@/lib/api/problem';

import { useRateVisit, type VisitProof } from '../api/rate-visit';

type VisitRatingProps = { ticketId: string; proof: VisitProof };

/** The SKM survey of a finished walk-in visit, then thanks; an expired link or a second rating is said plainly. */
export function VisitRating({ ticketId, proof }: VisitRatingProps) {
  const { t } = useTranslation();
  const rate = useRateVisit();

  if (rate.isSuccess) {
    return (
      <Alert color="green" icon={<IconHeartHandshake />} title={t('walkin.rating.thanks')} role="status" radius="lg">
        {t('consultations.rating.thanksBody')}
      </Alert>
    );
  }
  if (isApiError(rate.error, 'invalid_token')) {
    return (
      <Alert color="red" icon={<IconLinkOff />} title={t('walkin.rating.invalidLinkTitle')} role="alert" radius="lg">
        {t('walkin.rating.invalidLink')}
      </Alert>
    );
  }
  if (isApiError(rate.error, 'already_rated')) {
    return (
      <Alert color="blue" icon={<IconInfoCircle />} role="status" radius="lg">
        {t('walkin.rating.alreadyRated')}
      </Alert>
    );
  }
  if (isApiError(rate.error, 'ticket_state')) {
    return (
      <Alert color="orange" icon={<IconInfoCircle />} role="alert" radius="lg">
        {t('walkin.rating.notFinished')}
      </Alert>
    );
  }
  return (
    <SkmRatingForm
      pending={rate.isPending}
      error={rate.error}
      onSubmit={(body, { onError }) => rate.mutate({ id: ticketId, proof, ...body }, { onError })}
    />
  );
}
