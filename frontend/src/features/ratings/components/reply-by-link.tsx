import { Alert, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { SkmScoreList } from '@/components/rating/skm-scores';
import { isApiError } from '@/lib/api/problem';
import type { Unit } from '@/lib/api/types';

import { useRating } from '../api/get-rating';

import { RespondentFollowUp } from './respondent-follow-up';

const FALLBACK_ZONE = 'Asia/Jakarta';

type ReplyByLinkProps = { ratingId: string; token: string; units: ReadonlyMap<string, Unit> };

/** The respondent's page from the follow-up email: the unit's messages and a reply, no login. */
export function ReplyByLink({ ratingId, token, units }: ReplyByLinkProps) {
  const { t } = useTranslation();
  const rating = useRating(ratingId, { token });
  if (rating.isPending) return <Skeleton h={240} />;
  if (rating.isError) {
    // A wrong rating and a wrong token are the same to the visitor: the link does not work.
    if (isApiError(rating.error, 'invalid_token') || isApiError(rating.error, 'not_found')) {
      return (
        <Alert color="red" icon={<IconLinkOff />} title={t('ratingDesk.replyPage.invalidTitle')} role="alert">
          {t('ratingDesk.replyPage.invalid')}
        </Alert>
      );
    }
    return <ErrorAlert error={rating.error} />;
  }
  const thread = rating.data;
  const unit = units.get(thread.unit_code);
  return (
    <Stack gap="md">
      {unit && (
        <Text size="sm" fw={600}>
          {unit.name}
        </Text>
      )}
      <RespondentFollowUp thread={thread} timeZone={unit?.time_zone ?? FALLBACK_ZONE} token={token} />
      <Card withBorder radius="md" padding="md" component="section" aria-label={t('ratingDesk.replyPage.yourRating')}>
        <Title order={2} size="h5" mb="sm">
          {t('ratingDesk.replyPage.yourRating')}
        </Title>
        <SkmScoreList scores={thread.scores} />
        {thread.comment && (
          <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {thread.comment}
          </Text>
        )}
      </Card>
    </Stack>
  );
}
