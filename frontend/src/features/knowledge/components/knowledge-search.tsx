import { Anchor, Button, Card, Group, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconMessagePlus, IconSearch } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavigationType, useLocation, useNavigationType, useSearchParams } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { Pager } from '@/components/ui/pager';
import { paths } from '@/config/paths';
import { categories, isCategory } from '@/lib/api/categories';
import type { Article, SearchHit, Unit } from '@/lib/api/types';
import { formatDate } from '@/lib/format/date-time';

import { useArticles } from '../api/get-articles';
import { useKnowledgeSearch } from '../api/search-knowledge';
import { unitNameOf, zoneOf, type UnitsByCode } from '../utils/units';

import { ArticleBadges } from './article-badges';
import { HighlightedSnippet } from './highlighted-snippet';

const PER_PAGE = 10;
const TYPING_PAUSE_MS = 400;

type KnowledgeSearchProps = {
  /** Every unit, to name an article's unit. */
  units: UnitsByCode;
  /** The units people ask, offered as the unit to put first. */
  servingUnits: Unit[];
};

/** The history entry's state when the search box wrote the words into the address. */
type TypedState = { typed: string };

/** What the page shows, read from its address so that a search can be shared and returned to. */
function useSearchState() {
  const [params, setParams] = useSearchParams();
  const category = params.get('category');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  const state = {
    q: params.get('q') ?? '',
    category: isCategory(category) ? category : null,
    unit: params.get('unit'),
    page: Number.isInteger(page) && page > 0 ? page : 1,
  };
  /** Changes some of it; anything but the page starts again at page 1. */
  const change = (next: Partial<Record<'q' | 'category' | 'unit' | 'page', string | null>>, navigation?: { replace: true; state: TypedState }) =>
    setParams(
      (previous) => {
        const updated = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(next)) {
          if (value) updated.set(key, value);
          else updated.delete(key);
        }
        if (!('page' in next)) updated.delete('page');
        return updated;
      },
      navigation,
    );
  /** Puts the search box's words in the address, in place of the previous ones. */
  const setWords = (words: string) => {
    const q = words.trim() ? words : '';
    change({ q: q || null }, { replace: true, state: { typed: q } });
  };
  return [state, change, setWords] as const;
}

/**
 * The words in the search box. The address gets them after a pause in typing, and may get them
 * after more has been typed: those words are the box's own and must not undo the newer typing.
 * Words the address gets by other means (back, a link with `?q=`) replace what the box shows.
 */
function useSearchBox(q: string) {
  const location = useLocation();
  const navigationType = useNavigationType();
  const [text, setText] = useState(q);
  const [seen, setSeen] = useState(q);
  if (q !== seen) {
    setSeen(q);
    const typedHere = navigationType === NavigationType.Replace && (location.state as TypedState | null)?.typed === q;
    if (!typedHere) setText(q);
  }
  return [text, setText] as const;
}

function ResultCard({ title, slug, children }: { title: string; slug: string; children: ReactNode }) {
  const location = useLocation();
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={title}>
      <Stack gap={6}>
        <Anchor component={Link} to={paths.article(slug)} state={{ search: location.search }} fw={600} size="lg" style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Anchor>
        {children}
      </Stack>
    </Card>
  );
}

function HitCard({ hit, units }: { hit: SearchHit; units: UnitsByCode }) {
  return (
    <ResultCard title={hit.title} slug={hit.slug}>
      <ArticleBadges category={hit.category} unitName={unitNameOf(units, hit.unit_code)} />
      <HighlightedSnippet snippet={hit.snippet} c="dark.5" />
    </ResultCard>
  );
}

function ArticleCard({ article, units }: { article: Article; units: UnitsByCode }) {
  const { t } = useTranslation();
  return (
    <ResultCard title={article.title} slug={article.slug}>
      <ArticleBadges category={article.category} unitName={unitNameOf(units, article.unit_code)} />
      <Text size="sm" c="dark.5" lineClamp={3}>
        {article.question}
      </Text>
      <Text size="xs" c="dimmed">
        {t('knowledge.updatedAt', { date: formatDate(article.updated_at, zoneOf(units, article.unit_code)) })}
      </Text>
    </ResultCard>
  );
}

function NothingFound() {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="md" padding="lg" bg="gray.0">
      <Stack gap="sm" align="flex-start">
        <Text fw={600}>{t('knowledge.search.emptyTitle')}</Text>
        <Text size="sm" c="dimmed">
          {t('knowledge.search.emptyBody')}
        </Text>
        <Button component={Link} to={paths.newConsultation()} variant="light" leftSection={<IconMessagePlus size={16} />}>
          {t('knowledge.search.ask')}
        </Button>
      </Stack>
    </Card>
  );
}

/** "Did you mean …": the words as the articles spell them, as a link to that search (other filters kept). */
function DidYouMean({ suggestion }: { suggestion: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = new URLSearchParams(params);
  next.set('q', suggestion);
  next.delete('page');
  return (
    <Text size="sm">
      {t('knowledge.search.didYouMean')}{' '}
      <Anchor component={Link} to={{ search: `?${next.toString()}` }} fw={600} fs="italic">
        {suggestion}
      </Anchor>
    </Text>
  );
}

/** Public search of the knowledge base; with no words, the newest articles. */
export function KnowledgeSearch({ units, servingUnits }: KnowledgeSearchProps) {
  const { t } = useTranslation();
  const [state, change, setWords] = useSearchState();
  const [text, setText] = useSearchBox(state.q);
  const commit = useDebouncedCallback(setWords, TYPING_PAUSE_MS);

  const words = state.q.trim();
  const filters = { category: state.category ?? undefined, unit: state.unit ?? undefined, page: state.page, perPage: PER_PAGE };
  const search = useKnowledgeSearch({ q: words, ...filters }, { enabled: words !== '' });
  const list = useArticles({ status: 'published', ...filters }, { enabled: words === '' });
  const active = words ? search : list;
  const total = active.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));

  return (
    <Stack gap="md">
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          commit.cancel();
          setWords(text);
        }}
      >
        <TextInput
          size="md"
          type="search"
          label={t('knowledge.search.label')}
          placeholder={t('knowledge.search.placeholder')}
          leftSection={<IconSearch size={18} />}
          value={text}
          onChange={(event) => {
            setText(event.currentTarget.value);
            commit(event.currentTarget.value);
          }}
        />
      </form>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('knowledge.search.category')}
          placeholder={t('knowledge.search.anyCategory')}
          clearable
          value={state.category}
          onChange={(value) => change({ category: value })}
          data={categories.map((c) => ({ value: c, label: t(`consultations.categories.${c}.label`) }))}
          w={{ base: '100%', xs: 260 }}
        />
        <Select
          label={t('knowledge.search.unit')}
          placeholder={t('knowledge.search.anyUnit')}
          clearable
          searchable
          value={state.unit}
          onChange={(value) => change({ unit: value })}
          data={servingUnits.map((u) => ({ value: u.code, label: u.name }))}
          w={{ base: '100%', xs: 300 }}
        />
      </Group>

      <ErrorAlert error={active.error} />
      {active.isPending && <Skeleton h={240} />}
      {active.data && (
        <Text size="sm" c="dimmed" role="status">
          {words ? t('knowledge.search.found', { count: total }) : t('knowledge.search.latest', { count: total })}
        </Text>
      )}
      {words && search.data?.suggestion && <DidYouMean suggestion={search.data.suggestion} />}
      {words && search.data?.hits.length === 0 && <NothingFound />}
      {!words && list.data?.items.length === 0 && <NothingFound />}
      <Stack gap="sm" style={{ opacity: active.isPlaceholderData ? 0.6 : 1 }}>
        {words
          ? search.data?.hits.map((hit) => <HitCard key={hit.id} hit={hit} units={units} />)
          : list.data?.items.map((article) => <ArticleCard key={article.id} article={article} units={units} />)}
      </Stack>
      <Pager total={pages} value={Math.min(state.page, pages)} onChange={(page) => change({ page: page > 1 ? String(page) : null })} />
    </Stack>
  );
}
