import { Badge, Card, Group, Loader, Stack, Text, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBook, IconBulb } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Article, Category, SearchHit } from '@/lib/api/types';

import { useKnowledgeSearch } from '../api/search-knowledge';
import { hasEnoughLetters, suggestionQuery } from '../utils/suggestion-query';

import { HighlightedSnippet } from './highlighted-snippet';
import { SuggestionDrawer } from './suggestion-drawer';

const TYPING_PAUSE_MS = 400;
const MAX_SUGGESTIONS = 3;

export type KnowledgeSuggestionsProps = {
  unitCode: string | null;
  category: Category | null;
  subject: string;
  question: string;
  unitName: (code: string | null | undefined) => string | null;
  /** The person found their answer in a suggestion: no consultation is needed. */
  onAnswered: (article: Article) => void;
};

function Suggestion({ hit, unitName, onOpen }: { hit: SearchHit; unitName: string | null; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="sm" component="article" aria-label={hit.title}>
      <UnstyledButton type="button" onClick={onOpen} aria-haspopup="dialog" style={{ display: 'block', width: '100%' }}>
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconBook size={16} color="var(--mantine-color-blue-7)" aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />
          <Text fw={600} size="sm" c="blue.8" style={{ overflowWrap: 'anywhere' }}>
            {hit.title}
          </Text>
        </Group>
      </UnstyledButton>
      <HighlightedSnippet snippet={hit.snippet} size="xs" c="dark.5" mt={4} lineClamp={3} />
      <Group justify="space-between" mt={6} gap="xs">
        <Badge size="xs" variant="light" color={unitName ? 'teal' : 'grape'} style={{ textTransform: 'none' }}>
          {unitName ?? t('knowledge.national')}
        </Badge>
        <UnstyledButton type="button" onClick={onOpen} fz="xs" c="blue.7" fw={600} aria-label={t('knowledge.suggestions.readNamed', { title: hit.title })}>
          {t('knowledge.suggestions.read')}
        </UnstyledButton>
      </Group>
    </Card>
  );
}

/**
 * Articles that may already answer the question, found while it is typed (after a pause, once
 * there are a few letters), the chosen unit's and national ones first.
 */
export function KnowledgeSuggestions({ unitCode, category, subject, question, unitName, onAnswered }: KnowledgeSuggestionsProps) {
  const { t } = useTranslation();
  const [typed] = useDebouncedValue(suggestionQuery(subject, question), TYPING_PAUSE_MS);
  const enabled = hasEnoughLetters(typed);
  const search = useKnowledgeSearch(
    { q: typed, category: category ?? undefined, unit: unitCode ?? undefined, page: 1, perPage: MAX_SUGGESTIONS },
    { enabled },
  );
  const [open, setOpen] = useState<SearchHit | null>(null);
  const hits = enabled ? (search.data?.hits.slice(0, MAX_SUGGESTIONS) ?? []) : [];
  const title = t('knowledge.suggestions.title');

  let note: string | null = null;
  if (!enabled) note = t('knowledge.suggestions.hint');
  else if (search.isError) note = t('knowledge.suggestions.unavailable');
  else if (search.data && hits.length === 0) note = t('knowledge.suggestions.none');

  return (
    <Card withBorder radius="md" padding="md" bg="yellow.0" component="section" aria-label={title}>
      <Group gap="xs" mb={6} wrap="nowrap" justify="space-between">
        <Group gap="xs" wrap="nowrap">
          <IconBulb size={18} color="var(--mantine-color-yellow-8)" aria-hidden />
          <Text fw={600} size="sm">
            {title}
          </Text>
        </Group>
        {enabled && search.isFetching && <Loader size="xs" aria-label={t('common.loading')} />}
      </Group>
      <div aria-live="polite">
        {note && (
          <Text size="sm" c="dimmed">
            {note}
          </Text>
        )}
        {hits.length > 0 && (
          <Stack gap="xs">
            <Text size="sm">{t('knowledge.suggestions.lead')}</Text>
            {hits.map((hit) => (
              <Suggestion key={hit.id} hit={hit} unitName={unitName(hit.unit_code)} onOpen={() => setOpen(hit)} />
            ))}
          </Stack>
        )}
      </div>
      <SuggestionDrawer
        slug={open?.slug ?? null}
        title={open?.title ?? ''}
        unitName={unitName}
        unitCode={unitCode}
        onClose={() => setOpen(null)}
        onAnswered={onAnswered}
      />
    </Card>
  );
}
