import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { FollowUpStateBadge } from '@/components/rating/follow-up-state-badge';
import { SkmScoreStrip } from '@/components/rating/skm-scores';
import { paths } from '@/config/paths';
import type { Rating } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

import { useRating } from '../api/get-rating';

type RatingCardProps = { rating: Rating; timeZone: string; title?: string };

/** The rating of a consultation or visit for the unit's staff: scores, comment, follow-up state, and its page. */
export function RatingCard({ rating, timeZone, title }: RatingCardProps) {
  const { t } = useTranslation();
  // The thread holds the current follow-up state (a follow-up sent from the rating's page).
  const thread = useRating(rating.id);
  const current = thread.data ?? rating;
  const heading = title ?? t('ratingDesk.card.title');
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={heading}>
      <Stack gap="xs">
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Title order={2} size="h5">
            {heading}
          </Title>
          <FollowUpStateBadge state={current.follow_up_state} />
        </Group>
        <Text size="xs" c="dimmed">
          {formatDateTime(current.created_at, timeZone)}
        </Text>
        <SkmScoreStrip scores={current.scores} />
        <Text size="sm" c={current.comment ? undefined : 'dimmed'} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {current.comment ?? t('ratingDesk.noComment')}
        </Text>
        <Anchor component={Link} to={paths.staffRating(rating.id)} size="sm">
          {t('ratingDesk.card.open')}
        </Anchor>
      </Stack>
    </Card>
  );
}
