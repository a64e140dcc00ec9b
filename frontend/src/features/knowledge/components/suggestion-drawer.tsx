import { Anchor, Button, Drawer, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCircleCheck, IconExternalLink, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import type { Article } from '@/lib/api/types';

import { useArticle } from '../api/get-article';
import { useSendFeedback } from '../api/send-feedback';

import { ArticleAnswer } from './article-answer';
import { ArticleBadges } from './article-badges';

type SuggestionDrawerProps = {
  /** The suggested article to show; null when the drawer is closed. */
  slug: string | null;
  title: string;
  unitName: (code: string | null | undefined) => string | null;
  /** The unit the person was about to ask, counted with the answer. */
  unitCode: string | null;
  onClose: () => void;
  onAnswered: (article: Article) => void;
};

/**
 * A suggested article read beside the form (which stays as it was): "answered, no need to ask"
 * counts as a question that did not need asking; "ask anyway" goes back to the form.
 */
export function SuggestionDrawer({ slug, title, unitName, unitCode, onClose, onAnswered }: SuggestionDrawerProps) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)');
  const article = useArticle(slug);
  const feedback = useSendFeedback();

  const answered = (a: Article) =>
    feedback.mutate(
      { slug: a.slug, helpful: true, context: 'consultation_form', unit_code: unitCode },
      { onSuccess: () => onAnswered(a) },
    );

  return (
    <Drawer
      opened={slug !== null}
      onClose={onClose}
      position={narrow ? 'bottom' : 'right'}
      size={narrow ? '92%' : 'xl'}
      title={
        <Title order={2} size="h4" component="span">
          {title}
        </Title>
      }
      closeButtonProps={{ 'aria-label': t('knowledge.suggestions.close') }}
    >
      {article.isPending && <Skeleton h={240} />}
      <ErrorAlert error={article.error} />
      {article.data && (
        <Stack gap="md">
          <ArticleBadges category={article.data.category} unitName={unitName(article.data.unit_code)} />
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
            {article.data.question}
          </Text>
          <ArticleAnswer answer={article.data.answer} />
          <Anchor href={paths.article(article.data.slug)} target="_blank" rel="noopener" size="sm">
            <Group gap={4} wrap="nowrap">
              {t('knowledge.suggestions.openInNewTab')}
              <IconExternalLink size={14} aria-hidden />
            </Group>
          </Anchor>
          <ErrorAlert error={feedback.error} />
          <Group gap="sm" pb="md">
            <Button
              type="button"
              color="green"
              leftSection={<IconCircleCheck size={16} />}
              loading={feedback.isPending}
              onClick={() => article.data && answered(article.data)}
            >
              {t('knowledge.suggestions.answered')}
            </Button>
            <Button type="button" variant="default" leftSection={<IconPencil size={16} />} onClick={onClose}>
              {t('knowledge.suggestions.askAnyway')}
            </Button>
          </Group>
        </Stack>
      )}
    </Drawer>
  );
}
