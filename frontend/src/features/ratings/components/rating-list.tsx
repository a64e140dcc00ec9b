import { Anchor, Card, Group, Pagination, Skeleton, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { FollowUpStateBadge } from '@/components/rating/follow-up-state-badge';
import { SkmScoreStrip } from '@/components/rating/skm-scores';
import { paths } from '@/config/paths';
import type { RatingEntry, Unit } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

import { useRatings } from '../api/get-ratings';
import type { RatingListQuery } from '../api/query-keys';

import { RatingSubject } from './rating-subject';

const FALLBACK_ZONE = 'Asia/Jakarta';

type RatingListProps = {
  query: RatingListQuery;
  onPage: (page: number) => void;
  units: ReadonlyMap<string, Unit>;
  showUnit: boolean;
};

function DateLink({ entry, units }: { entry: RatingEntry; units: ReadonlyMap<string, Unit> }) {
  const { t } = useTranslation();
  const date = formatDateTime(entry.created_at, units.get(entry.unit_code)?.time_zone ?? FALLBACK_ZONE);
  return (
    <Anchor component={Link} to={paths.staffRating(entry.id)} size="sm" fw={600} aria-label={`${t('ratingDesk.open')}: ${date}`}>
      {date}
    </Anchor>
  );
}

function Comment({ entry }: { entry: RatingEntry }) {
  const { t } = useTranslation();
  return entry.comment ? (
    <Text size="sm" lineClamp={3} style={{ overflowWrap: 'anywhere' }}>
      {entry.comment}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      {t('ratingDesk.noComment')}
    </Text>
  );
}

function RespondentName({ entry }: { entry: RatingEntry }) {
  const { t } = useTranslation();
  return entry.respondent ? (
    <Text size="sm">{entry.respondent.full_name}</Text>
  ) : (
    <Text size="sm" c="dimmed">
      {t('ratingDesk.respondentUnknown')}
    </Text>
  );
}

/** One page of the unit's ratings: a table on wide screens, cards on phones. */
export function RatingList({ query, onPage, units, showUnit }: RatingListProps) {
  const { t } = useTranslation();
  const list = useRatings(query);
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / query.perPage)) : 1;
  const items = list.data?.items ?? [];
  const unitName = (code: string) => units.get(code)?.name ?? code;

  return (
    <Stack gap="sm">
      {list.isPending && <Skeleton h={160} />}
      <ErrorAlert error={list.error} />
      {list.data && (
        <Text size="sm" c="dimmed" role="status">
          {items.length === 0 ? t('ratingDesk.empty') : t('ratingDesk.total', { count: list.data.total })}
        </Text>
      )}
      {items.length > 0 && (
        <Stack gap="xs" hiddenFrom="sm">
          {items.map((r) => (
            <Card key={r.id} withBorder padding="sm" radius="md" component="article" aria-label={r.subject_number}>
              <Group justify="space-between" gap="xs" wrap="wrap">
                <DateLink entry={r} units={units} />
                <FollowUpStateBadge state={r.follow_up_state} />
              </Group>
              <Text size="xs" c="dimmed">
                {t(`consultations.channels.${r.channel}`)}
                {showUnit && ` · ${unitName(r.unit_code)}`}
              </Text>
              <RatingSubject entry={r} />
              <RespondentName entry={r} />
              <Stack gap={6} mt={6}>
                <SkmScoreStrip scores={r.scores} />
                <Comment entry={r} />
              </Stack>
            </Card>
          ))}
        </Stack>
      )}
      {items.length > 0 && (
        <Table.ScrollContainer minWidth={880} visibleFrom="sm">
          <Table highlightOnHover verticalSpacing="xs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ratingDesk.columns.date')}</Table.Th>
                <Table.Th>{t('ratingDesk.columns.subject')}</Table.Th>
                <Table.Th>{t('ratingDesk.columns.respondent')}</Table.Th>
                <Table.Th>{t('ratingDesk.columns.scores')}</Table.Th>
                <Table.Th>{t('ratingDesk.columns.comment')}</Table.Th>
                <Table.Th>{t('ratingDesk.columns.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <DateLink entry={r} units={units} />
                  </Table.Td>
                  <Table.Td>
                    <RatingSubject entry={r} />
                    <Text size="xs" c="dimmed">
                      {t(`consultations.channels.${r.channel}`)}
                      {showUnit && ` · ${unitName(r.unit_code)}`}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RespondentName entry={r} />
                  </Table.Td>
                  <Table.Td miw={200}>
                    <SkmScoreStrip scores={r.scores} />
                  </Table.Td>
                  <Table.Td maw={280}>
                    <Comment entry={r} />
                  </Table.Td>
                  <Table.Td>
                    <FollowUpStateBadge state={r.follow_up_state} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pages > 1 && <Pagination total={pages} value={query.page} onChange={onPage} size="sm" />}
    </Stack>
  );
}
