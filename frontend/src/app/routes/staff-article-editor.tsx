import { Alert, Anchor, Group, Skeleton, Stack, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import { useArticle } from '@/features/knowledge/api/get-article';
import { ArticleEditor } from '@/features/knowledge/components/article-editor';
import { canEditArticle, curatesKnowledge } from '@/features/knowledge/utils/permissions';
import { useUnits } from '@/features/units/api/get-units';
import { isApiError } from '@/lib/api/problem';
import type { Article, Me } from '@/lib/api/types';
import { useUser } from '@/lib/auth/get-me';

function Editor({ viewer, article }: { viewer: Me; article?: Article }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const units = useUnits();
  if (units.isPending) return <Skeleton h={480} maw={860} />;
  return (
    <ArticleEditor
      key={article?.id ?? 'new'}
      article={article}
      viewer={viewer}
      units={units.data ?? []}
      onSaved={(saved, created) => {
        notifications.show({ color: 'green', message: t(created ? 'knowledge.editor.created' : 'knowledge.editor.saved') });
        if (created) void navigate(paths.editArticle(saved.slug), { replace: true });
      }}
      onArchived={() => {
        notifications.show({ color: 'green', message: t('knowledge.editor.archived') });
        void navigate(`${paths.staffKnowledge}?tab=archived`);
      }}
    />
  );
}

function EditExisting({ viewer, slug }: { viewer: Me; slug: string }) {
  const { t } = useTranslation();
  const article = useArticle(slug);
  if (article.isPending) return <Skeleton h={480} maw={860} />;
  if (article.isError) {
    return isApiError(article.error, 'not_found') ? (
      <Alert color="gray" icon={<IconInfoCircle />}>
        {t('knowledge.article.notFoundBody')}
      </Alert>
    ) : (
      <ErrorAlert error={article.error} />
    );
  }
  if (!canEditArticle(viewer, article.data.unit_code)) {
    return (
      <Alert color="gray" icon={<IconInfoCircle />}>
        {t('knowledge.editor.notEditable')}
      </Alert>
    );
  }
  return <Editor viewer={viewer} article={article.data} />;
}

/** Writing a new article (no slug) or editing one. */
export function StaffArticleEditorRoute() {
  const { t } = useTranslation();
  const { slug } = useParams();
  const { user } = useUser();
  if (!user) return null;
  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.staffKnowledge} size="sm">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden />
          {t('knowledge.editor.back')}
        </Group>
      </Anchor>
      <Title order={1}>{slug ? t('knowledge.editor.editTitle') : t('knowledge.editor.newTitle')}</Title>
      {!curatesKnowledge(user) ? (
        <Alert color="gray" icon={<IconInfoCircle />}>
          {t('knowledge.staff.frontOffice')}
        </Alert>
      ) : slug ? (
        <EditExisting key={slug} viewer={user} slug={slug} />
      ) : (
        <Editor viewer={user} />
      )}
    </Stack>
  );
}
