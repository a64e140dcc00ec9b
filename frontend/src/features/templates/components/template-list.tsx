import { ActionIcon, Badge, Button, Card, Code, Group, Modal, Select, Skeleton, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { Pager } from '@/components/ui/pager';
import type { Me, Template, Unit } from '@/lib/api/types';

import { useDeleteTemplate } from '../api/delete-template';
import { useTemplates } from '../api/get-templates';
import { canWriteTemplate, writesTemplates } from '../utils/permissions';
import { firstLine } from '../utils/template-text';

import { NATIONAL, TemplateEditor } from './template-editor';

const PER_PAGE = 20;
/** The pause in typing after which the search is asked. */
const TYPING_PAUSE_MS = 300;

type TemplateListProps = {
  viewer: Me;
  units: ReadonlyMap<string, Unit>;
};

/** The editor's state: closed, a new template, or one being edited. */
type Editing = { template: Template | null } | null;

function TemplateCard({
  template,
  units,
  writable,
  onEdit,
  onDelete,
}: {
  template: Template;
  units: ReadonlyMap<string, Unit>;
  writable: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const unitName = template.unit_code ? (units.get(template.unit_code)?.name ?? template.unit_code) : null;
  const line = firstLine(template.body);
  return (
    <Card withBorder padding="sm" radius="md" component="article" aria-label={template.title}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
        <Stack gap={4} miw={0} style={{ flex: 1 }}>
          <Group gap="xs" wrap="wrap">
            <Text fw={600} component="h2" size="md" m={0} style={{ overflowWrap: 'anywhere' }}>
              {template.title}
            </Text>
            <Code>/{template.shortcut}</Code>
          </Group>
          <Group gap="xs">
            <Badge variant="outline" color={unitName ? 'blue' : 'gray'} size="sm" style={{ textTransform: 'none' }}>
              {unitName ? t('templates.scopeUnit', { unit: unitName }) : t('templates.scopeNational')}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" lineClamp={1} style={{ overflowWrap: 'anywhere' }}>
            {line || t('templates.emptyBody')}
          </Text>
        </Stack>
        {writable && (
          <Group gap={4} wrap="nowrap">
            <Tooltip label={t('templates.edit', { title: template.title })}>
              <ActionIcon variant="subtle" size="lg" aria-label={t('templates.edit', { title: template.title })} onClick={onEdit}>
                <IconPencil size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('templates.delete', { title: template.title })}>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('templates.delete', { title: template.title })}
                onClick={onDelete}
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Tooltip>
          </Group>
        )}
      </Group>
    </Card>
  );
}

/**
 * The answer templates the viewer may use (the unit's first, then the national ones), searched by
 * shortcut or title, written and deleted by those who may.
 */
export function TemplateList({ viewer, units }: TemplateListProps) {
  const { t } = useTranslation();
  const isAdmin = viewer.role === 'admin';
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), TYPING_PAUSE_MS);
  // An admin picks the unit whose templates are listed beside the national ones; "national" lists those only.
  const [adminUnit, setAdminUnit] = useState<string>(NATIONAL);
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Editing>(null);
  const [deleting, setDeleting] = useState<Template | null>(null);
  const remove = useDeleteTemplate();

  const unit = isAdmin && adminUnit !== NATIONAL ? adminUnit : undefined;
  // A new search or unit starts again at the first page.
  const [shown, setShown] = useState({ q, unit });
  if (shown.q !== q || shown.unit !== unit) {
    setShown({ q, unit });
    setPage(1);
  }

  const list = useTemplates({ unit, q: q || undefined, page, perPage: PER_PAGE });
  const items = list.data?.items ?? [];
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / PER_PAGE)) : 1;
  const canCreate = writesTemplates(viewer);

  const unitOptions = [
    { value: NATIONAL, label: t('templates.national') },
    ...[...units.values()].filter((u) => u.kind !== 'national').map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` })),
  ];

  const confirmDelete = () => {
    if (!deleting) return;
    remove.mutate(deleting.id, {
      onSuccess: () => {
        setDeleting(null);
        notifications.show({ color: 'green', message: t('templates.deleteDialog.deleted'), closeButtonProps: { 'aria-label': t('templates.closeNotice') } });
      },
    });
  };

  return (
    <Stack gap="md">
      <Group align="flex-end" gap="sm" wrap="wrap" justify="space-between">
        <Group align="flex-end" gap="sm" wrap="wrap" style={{ flex: 1 }}>
          <TextInput
            type="search"
            label={t('templates.search')}
            description={t('templates.searchHint')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            maxLength={64}
            w={{ base: '100%', xs: 320 }}
          />
          {isAdmin && (
            <Select
              label={t('templates.unit')}
              searchable
              allowDeselect={false}
              value={adminUnit}
              onChange={(value) => setAdminUnit(value ?? NATIONAL)}
              data={unitOptions}
              w={{ base: '100%', xs: 280 }}
            />
          )}
        </Group>
        {canCreate && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ template: null })}>
            {t('templates.create')}
          </Button>
        )}
      </Group>

      {list.isPending && (
        <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
          <Skeleton h={88} radius="md" />
          <Skeleton h={88} radius="md" />
          <Skeleton h={88} radius="md" />
        </Stack>
      )}
      <ErrorAlert error={list.error} />
      {list.data && (
        <Text size="sm" c="dimmed" role="status">
          {items.length > 0 ? t('templates.total', { count: list.data.total }) : q ? t('templates.noMatch', { q }) : t('templates.empty')}
        </Text>
      )}
      {list.data && items.length === 0 && !q && canCreate && (
        <Group>
          <Button variant="light" leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing({ template: null })}>
            {t('templates.create')}
          </Button>
        </Group>
      )}

      {items.length > 0 && (
        <Stack gap="xs">
          {items.map((template) => (
            <TemplateCard
              key={template.id}
              template={template}
              units={units}
              writable={canWriteTemplate(viewer, template.unit_code)}
              onEdit={() => setEditing({ template })}
              onDelete={() => {
                remove.reset();
                setDeleting(template);
              }}
            />
          ))}
        </Stack>
      )}

      <Pager total={pages} value={page} onChange={setPage} />

      <TemplateEditor
        opened={editing !== null}
        onClose={() => setEditing(null)}
        template={editing?.template}
        viewer={viewer}
        units={units}
        defaultUnit={unit ?? null}
        onSaved={() =>
          notifications.show({ color: 'green', message: t('templates.editor.saved'), closeButtonProps: { 'aria-label': t('templates.closeNotice') } })
        }
      />

      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('templates.deleteDialog.title')}
        centered
        closeButtonProps={{ 'aria-label': t('templates.close') }}
      >
        {deleting && (
          <Stack>
            <Text size="sm">{t('templates.deleteDialog.body', { title: deleting.title, shortcut: deleting.shortcut })}</Text>
            <ErrorAlert error={remove.error} />
            <Group justify="flex-end">
              <Button type="button" variant="default" onClick={() => setDeleting(null)}>
                {t('common.cancel')}
              </Button>
              <Button type="button" color="red" loading={remove.isPending} onClick={confirmDelete}>
                {t('templates.deleteDialog.confirm')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}
