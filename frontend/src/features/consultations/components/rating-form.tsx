import { Alert, Card, Stack, Text, Title } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { SkmRatingForm } from '@/components/rating/skm-rating-form';
import { SkmScoreList } from '@/components/rating/skm-scores';
import type { Rating } from '@/lib/api/types';

import { useRateConsultation } from '../api/rate-consultation';

/** After rating: thanks, and no way to rate twice. */
function RatedNotice({ justNow }: { justNow: boolean }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" icon={<IconHeartHandshake />} title={justNow ? t('consultations.rating.thanks') : undefined} role="status">
      {justNow ? t('consultations.rating.thanksBody') : t('consultations.rating.rated')}
    </Alert>
  );
}

/** The scores the owner gave, read back (they cannot be changed). */
function GivenRating({ rating }: { rating: Rating }) {
  const { t } = useTranslation();
  const title = t('consultations.rating.yours');
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={title}>
      <Title order={2} size="h5" mb="sm">
        {title}
      </Title>
      <SkmScoreList scores={rating.scores} />
      {rating.comment && (
        <>
          <Text size="xs" c="dimmed" tt="uppercase" fw={600} mt="md">
            {t('consultations.rating.yourComment')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {rating.comment}
          </Text>
        </>
      )}
    </Card>
  );
}

/** The SKM survey of a closed consultation, sent for its owner. */
export function RatingForm({ consultationId, onRated }: { consultationId: string; onRated: () => void }) {
  const rate = useRateConsultation();
  return (
    <SkmRatingForm
      pending={rate.isPending}
      error={rate.error}
      onSubmit={(body, { onError }) => rate.mutate({ id: consultationId, ...body }, { onSuccess: onRated, onError })}
    />
  );
}

type RatingSectionProps = {
  consultationId: string;
  rated: boolean;
  rating?: Rating | null;
  /** The unit's follow-up of the rating and the owner's replies (another feature's, composed by the page). */
  followUp?: (rating: Rating) => ReactNode;
};

/** The owner's part once the consultation is closed: the survey, or thanks, the scores given and the unit's follow-up. */
export function RatingSection({ consultationId, rated, rating, followUp }: RatingSectionProps) {
  const [justRated, setJustRated] = useState(false);
  if (justRated || rated) {
    return (
      <Stack gap="sm">
        <RatedNotice justNow={justRated} />
        {rating && <GivenRating rating={rating} />}
        {rating && followUp?.(rating)}
      </Stack>
    );
  }
  return <RatingForm consultationId={consultationId} onRated={() => setJustRated(true)} />;
}
