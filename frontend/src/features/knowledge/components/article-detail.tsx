import { Alert, Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconEdit, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import { isApiError } from '@/lib/api/problem';
import type { Me } from '@/lib/api/types';
import { isStaffRole } from '@/lib/auth/roles';
import { formatDate } from '@/lib/format/date-time';

import { useArticle } from '../api/get-article';
import { canEditArticle } from '../utils/permissions';
import { unitNameOf, zoneOf, type UnitsByCode } from '../utils/units';

import { ArticleAnswer } from './article-answer';
import { ArticleBadges } from './article-badges';
import { ArticleFeedback } from './article-feedback';

type ArticleDetailProps = {
  slug: string;
  units: UnitsByCode;
  viewer: Me | null;
  /** The search the reader came from, to go back to it. */
  fromSearch?: string;
};

/** One article as everyone reads it, with the reader's "did this help?". */
export function ArticleDetail({ slug, units, viewer, fromSearch = '' }: ArticleDetailProps) {
  const { t } = useTranslation();
  const article = useArticle(slug);

  const back = (
    <Anchor component={Link} to={`${paths.knowledge}${fromSearch}`} size="sm">
      <Group gap={4} wrap="nowrap">
        <IconArrowLeft size={14} aria-hidden />
        {t('knowledge.backToSearch')}
      </Group>
    </Anchor>
  );

  if (article.isPending) {
    return (
      <Stack>
        {back}
        <Skeleton h={48} w="70%" />
        <Skeleton h={320} />
      </Stack>
    );
  }
  if (article.isError) {
    return (
      <Stack align="flex-start">
        {back}
        {isApiError(article.error, 'not_found') ? (
          <Alert color="gray" icon={<IconInfoCircle />} title={t('knowledge.article.notFoundTitle')}>
            {t('knowledge.article.notFoundBody')}
          </Alert>
        ) : (
          <ErrorAlert error={article.error} />
        )}
      </Stack>
    );
  }

  const a = article.data;
  const staff = isStaffRole(viewer?.role);
  return (
    <Stack gap="lg" maw={860}>
      {back}
      <Stack gap="xs">
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {a.title}
        </Title>
        <ArticleBadges category={a.category} unitName={unitNameOf(units, a.unit_code)} status={a.status} />
        <Text size="sm" c="dimmed">
          {t('knowledge.updatedAt', { date: formatDate(a.updated_at, zoneOf(units, a.unit_code)) })}
        </Text>
        {canEditArticle(viewer, a.unit_code) && (
          <Button component={Link} to={paths.editArticle(a.slug)} variant="light" leftSection={<IconEdit size={16} />} style={{ alignSelf: 'flex-start' }}>
            {t('knowledge.article.edit')}
          </Button>
        )}
      </Stack>
      <Card withBorder radius="md" padding="md" component="section" aria-labelledby="article-question">
        <Title order={2} size="h4" id="article-question" mb="xs">
          {t('knowledge.article.question')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{a.question}</Text>
      </Card>
      <section aria-labelledby="article-answer">
        <Title order={2} size="h4" id="article-answer" mb="xs">
          {t('knowledge.article.answer')}
        </Title>
        <ArticleAnswer answer={a.answer} />
      </section>
      {a.tags.length > 0 && (
        <Group gap={6} aria-label={t('knowledge.article.tags')}>
          {a.tags.map((tag) => (
            <Badge key={tag} variant="outline" color="gray" style={{ textTransform: 'none' }}>
              #{tag}
            </Badge>
          ))}
        </Group>
      )}
      {/* Staff do not rate answers: their clicks would only blur what readers say. */}
      {!staff && a.status === 'published' && <ArticleFeedback article={a} />}
    </Stack>
  );
}
