import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconBook, IconHome, IconMoodHappy } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { Article } from '@/lib/api/types';

/** After a suggestion answered the question: nothing was sent to the unit, and the answer stays at hand. */
export function AnsweredConfirmation({ article }: { article: Article }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  // The form it replaces may have been scrolled far down: bring the news into view, and to screen readers.
  useEffect(() => heading.current?.focus(), []);
  return (
    <Card withBorder radius="md" padding="xl" maw={760} component="section" aria-labelledby="answered-title">
      <Stack gap="md" align="flex-start">
        <ThemeIcon color="green" variant="light" size={48} radius="xl" aria-hidden>
          <IconMoodHappy size={28} />
        </ThemeIcon>
        <Title order={2} id="answered-title" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {t('knowledge.answered.title')}
        </Title>
        <Text>{t('knowledge.answered.body')}</Text>
        <Text size="sm" c="dimmed">
          {t('knowledge.answered.keep', { title: article.title })}
        </Text>
        <Group gap="sm">
          <Button component={Link} to={paths.article(article.slug)} leftSection={<IconBook size={16} />}>
            {t('knowledge.answered.openArticle')}
          </Button>
          <Button component={Link} to={paths.home} variant="default" leftSection={<IconHome size={16} />}>
            {t('common.backHome')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
