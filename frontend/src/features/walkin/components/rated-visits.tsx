import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { FollowUpStateBadge } from '@/components/rating/follow-up-state-badge';
import { SkmScoreStrip } from '@/components/rating/skm-scores';
import { paths } from '@/config/paths';
import type { Ticket } from '@/lib/api/types';
import { formatTime } from '@/lib/format/date-time';

/** Today's visits the visitors have rated: scores, comment and follow-up state, each linked to its rating's page. */
export function RatedVisits({ tickets, timeZone }: { tickets: Ticket[]; timeZone: string }) {
  const { t } = useTranslation();
  const rated = tickets.flatMap((ticket) => (ticket.rating ? [{ ticket, rating: ticket.rating }] : []));
  if (rated.length === 0) {
    return <Text c="dimmed">{t('ratingDesk.visits.none')}</Text>;
  }
  return (
    <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
      {rated.map(({ ticket, rating }) => (
        <Stack key={ticket.id} component="li" gap={4}>
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text fw={700} ff="monospace">
              {ticket.number}
              <Text span size="sm" c="dimmed" ff="inherit" fw={400}>
                {` · ${ticket.service_name} · ${formatTime(rating.created_at, timeZone)}`}
              </Text>
            </Text>
            <FollowUpStateBadge state={rating.follow_up_state} />
          </Group>
          <SkmScoreStrip scores={rating.scores} />
          {rating.comment && (
            <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
              {rating.comment}
            </Text>
          )}
          <Anchor component={Link} to={paths.staffRating(rating.id)} size="sm" aria-label={t('ratingDesk.visits.openFor', { number: ticket.number })}>
            {t('ratingDesk.card.open')}
          </Anchor>
        </Stack>
      ))}
    </Stack>
  );
}
