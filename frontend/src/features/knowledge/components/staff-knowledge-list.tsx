import { Anchor, Badge, Button, Card, Group, Pagination, Select, Skeleton, Stack, Tabs, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconArchive, IconEye, IconFileText, IconMessageCircle, IconSearch, IconSparkles, IconThumbDown, IconThumbUp, IconWorld } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import type { Article, ArticleStatus, Consultation, Me } from '@/lib/api/types';
import { formatDate, formatDateTime } from '@/lib/format/date-time';

import { useArticles } from '../api/get-articles';
import { useToCurate } from '../api/get-to-curate';
import { canEditArticle } from '../utils/permissions';
import { unitNameOf, zoneOf, type UnitsByCode } from '../utils/units';

import { ArticleBadges } from './article-badges';

const PER_PAGE = 20;
const tabs = ['draft', 'published', 'archived', 'curate'] as const;
type Tab = (typeof tabs)[number];

const isTab = (value: unknown): value is Tab => tabs.some((tab) => tab === value);

/** The unit filter: one's own unit, national articles, or all one may see. */
type Scope = 'own' | 'national' | 'all';

type StaffKnowledgeListProps = { viewer: Me; units: UnitsByCode };

function ArticleRow({ article: a, viewer, units }: { article: Article; viewer: Me; units: UnitsByCode }) {
  const { t } = useTranslation();
  const editable = canEditArticle(viewer, a.unit_code);
  const to = editable ? paths.editArticle(a.slug) : paths.article(a.slug);
  return (
    <Card withBorder radius="md" padding="sm" component="article" aria-label={a.title}>
      <Stack gap={4}>
        <Anchor component={Link} to={to} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {a.title}
        </Anchor>
        <ArticleBadges category={a.category} unitName={unitNameOf(units, a.unit_code)} />
        <Group gap="md" wrap="wrap">
          <Text size="xs" c="dimmed">
            {t('knowledge.updatedAt', { date: formatDate(a.updated_at, zoneOf(units, a.unit_code)) })}
            {a.author && ` · ${a.author.full_name}`}
          </Text>
          {a.status === 'published' && (
            <Group gap="sm" wrap="nowrap">
              <Text size="xs" c="dimmed" title={t('knowledge.staff.views')}>
                <IconEye size={12} aria-label={t('knowledge.staff.views')} /> {a.view_count}
              </Text>
              <Text size="xs" c="dimmed" title={t('knowledge.staff.helpful')}>
                <IconThumbUp size={12} aria-label={t('knowledge.staff.helpful')} /> {a.helpful_count}
              </Text>
              <Text size="xs" c="dimmed" title={t('knowledge.staff.notHelpful')}>
                <IconThumbDown size={12} aria-label={t('knowledge.staff.notHelpful')} /> {a.not_helpful_count}
              </Text>
            </Group>
          )}
        </Group>
      </Stack>
    </Card>
  );
}

function ArticlesTab({ status, viewer, units }: { status: ArticleStatus } & StaffKnowledgeListProps) {
  const { t } = useTranslation();
  const isAdmin = viewer.role === 'admin';
  const [scope, setScope] = useState<Scope>(isAdmin ? 'all' : 'own');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const unit = scope === 'own' ? (viewer.unit_code ?? undefined) : scope === 'national' ? 'national' : undefined;
  const list = useArticles({ status, unit, q, page, perPage: PER_PAGE });
  const items = list.data?.items ?? [];
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PER_PAGE)) : 1;

  const scopes: Scope[] = isAdmin || !viewer.unit_code ? ['all', 'national'] : ['own', 'national', 'all'];
  return (
    <Stack gap="sm">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Select
          label={t('knowledge.staff.scope')}
          allowDeselect={false}
          value={scope}
          onChange={(value) => {
            setScope(value ?? scope);
            setPage(1);
          }}
          data={scopes.map((s) => ({ value: s, label: t(`knowledge.staff.scopes.${s}`) }))}
          w={{ base: '100%', xs: 220 }}
        />
        <TextInput
          label={t('knowledge.staff.q')}
          placeholder={t('knowledge.staff.qPlaceholder')}
          leftSection={<IconSearch size={16} />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setPage(1);
          }}
          style={{ flex: 1, minWidth: 220 }}
        />
      </Group>
      {list.isPending && <Skeleton h={160} />}
      <ErrorAlert error={list.error} />
      {list.data && (
        <Text size="sm" c="dimmed">
          {items.length === 0 ? t(`knowledge.staff.empty.${status}`) : t('knowledge.staff.total', { count: list.data.total })}
        </Text>
      )}
      {items.map((article) => (
        <ArticleRow key={article.id} article={article} viewer={viewer} units={units} />
      ))}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
    </Stack>
  );
}

function CurationRow({ consultation: c, units }: { consultation: Consultation; units: UnitsByCode }) {
  const { t } = useTranslation();
  const zone = zoneOf(units, c.unit_code);
  return (
    <Card withBorder radius="md" padding="sm" component="article" aria-label={c.subject}>
      <Group justify="space-between" align="center" gap="sm">
        <Stack gap={2} style={{ flex: 1, minWidth: 220 }}>
          <Text size="xs" c="dimmed">
            {c.number} · {unitNameOf(units, c.unit_code)}
          </Text>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {c.subject}
          </Text>
          <Group gap={6}>
            <Badge variant="light" color={c.status === 'closed' ? 'gray' : 'blue'} style={{ textTransform: 'none' }}>
              {c.status === 'closed' && c.resolution
                ? `${t('consultations.status.closed')} · ${t(`consultations.resolutions.${c.resolution}`)}`
                : t(`consultations.status.${c.status}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {c.closed_at
                ? t('knowledge.staff.closedAt', { date: formatDateTime(c.closed_at, zone) })
                : t('knowledge.staff.updated', { date: formatDateTime(c.updated_at, zone) })}
            </Text>
          </Group>
        </Stack>
        <Button component={Link} to={paths.staffConsultation(c.id)} variant="light" leftSection={<IconMessageCircle size={16} />}>
          {t('knowledge.staff.openConsultation')}
        </Button>
      </Group>
    </Card>
  );
}

function CurationTab({ units }: { units: UnitsByCode }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const list = useToCurate(page, PER_PAGE);
  const items = list.data?.items ?? [];
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PER_PAGE)) : 1;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('knowledge.staff.curateLead')}
      </Text>
      {list.isPending && <Skeleton h={160} />}
      <ErrorAlert error={list.error} />
      {list.data && items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('knowledge.staff.empty.curate')}
        </Text>
      )}
      {items.map((c) => (
        <CurationRow key={c.id} consultation={c} units={units} />
      ))}
      {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
    </Stack>
  );
}

const tabIcons: Record<Tab, ReactNode> = {
  draft: <IconFileText size={16} />,
  published: <IconWorld size={16} />,
  archived: <IconArchive size={16} />,
  curate: <IconSparkles size={16} />,
};

/** The knowledge base as staff keep it: drafts, published and archived articles, and what waits to be curated. */
export function StaffKnowledgeList({ viewer, units }: StaffKnowledgeListProps) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('tab');
  const tab: Tab = isTab(requested) ? requested : 'draft';
  return (
    <Tabs
      value={tab}
      onChange={(value) => setParams(value && value !== 'draft' ? { tab: value } : {}, { replace: true })}
      keepMounted={false}
    >
      <Tabs.List mb="md">
        {tabs.map((key) => (
          <Tabs.Tab key={key} value={key} leftSection={tabIcons[key]}>
            {t(`knowledge.staff.tabs.${key}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {tabs.map((key) => (
        <Tabs.Panel key={key} value={key}>
          {key === 'curate' ? <CurationTab units={units} /> : <ArticlesTab status={key} viewer={viewer} units={units} />}
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}
