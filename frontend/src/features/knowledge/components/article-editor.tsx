import { Anchor, Button, Group, Modal, Radio, Select, Stack, Tabs, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArchive, IconDeviceFloppy, IconExternalLink, IconEye, IconMessages, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import { categories } from '@/lib/api/categories';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { Article, ArticleRequest, ArticleStatus, Category, Me, Unit } from '@/lib/api/types';
import { charCount, lengthBounds, lengthWithin } from '@/lib/validation';

import { useArchiveArticle } from '../api/archive-article';
import { useCreateArticle } from '../api/create-article';
import { useUpdateArticle } from '../api/update-article';
import { articleLimits } from '../utils/limits';

import { ArticleAnswer } from './article-answer';

const fields = ['title', 'question', 'answer', 'category', 'unit_code', 'tags', 'status'] as const;

/** `{{max}}` and `{{tagMax}}` for the texts about tags. */
const tagBounds = { max: articleLimits.tags, tagMax: articleLimits.tag };

/** The unit field's value for a national article. */
const NATIONAL = 'national';

type Values = {
  title: string;
  question: string;
  answer: string;
  category: Category | null;
  unit: string | null;
  tags: string[];
  status: ArticleStatus;
};

type ArticleEditorProps = {
  /** The article being edited; a new one is written when absent. */
  article?: Article;
  viewer: Pick<Me, 'role' | 'unit_code'>;
  /** Units an admin may write for. */
  units: Unit[];
  onSaved: (article: Article, created: boolean) => void;
  onArchived: () => void;
};

function initialValues(article: Article | undefined, viewer: ArticleEditorProps['viewer']): Values {
  if (!article) {
    return {
      title: '',
      question: '',
      answer: '',
      category: null,
      unit: viewer.role === 'admin' ? null : (viewer.unit_code ?? null),
      tags: [],
      status: 'draft',
    };
  }
  return {
    title: article.title,
    question: article.question,
    answer: article.answer,
    category: article.category,
    unit: article.unit_code ?? NATIONAL,
    tags: article.tags,
    status: article.status,
  };
}

/** What the server's field errors are called on this form. */
const fieldOf = (errors: Record<string, string>) => {
  const { unit_code: unit, ...rest } = errors;
  return unit ? { ...rest, unit } : rest;
};

/** An article as officers write it: markdown answer with a preview, unit, tags and status. */
export function ArticleEditor({ article, viewer, units, onSaved, onArchived }: ArticleEditorProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const create = useCreateArticle();
  const update = useUpdateArticle();
  const archive = useArchiveArticle();
  const save = article ? update : create;
  const [tab, setTab] = useState<string | null>('write');
  const [confirmArchive, setConfirmArchive] = useState(false);
  const isAdmin = viewer.role === 'admin';

  const form = useForm<Values>({
    initialValues: initialValues(article, viewer),
    validate: {
      title: (v) =>
        lengthWithin(v.trim(), articleLimits.title) ? null : t('knowledge.editor.titleLength', lengthBounds(articleLimits.title)),
      question: (v) =>
        lengthWithin(v.trim(), articleLimits.question) ? null : t('knowledge.editor.questionLength', lengthBounds(articleLimits.question)),
      answer: (v) =>
        lengthWithin(v.trim(), articleLimits.answer) ? null : t('knowledge.editor.answerLength', lengthBounds(articleLimits.answer)),
      category: (v) => (v ? null : t('validation.required')),
      unit: (v) => (v ? null : t('validation.required')),
      tags: (v) =>
        v.length > articleLimits.tags || v.some((tag) => charCount(tag.trim()) > articleLimits.tag)
          ? t('knowledge.editor.tagsLimit', tagBounds)
          : null,
    },
  });

  const showErrors = (errors: Record<string, unknown>) => {
    if ('answer' in errors) setTab('write');
  };

  const submit = form.onSubmit((values) => {
    if (!values.category || !values.unit) return;
    const body: ArticleRequest = {
      title: values.title.trim(),
      question: values.question.trim(),
      answer: values.answer.trim(),
      category: values.category,
      unit_code: values.unit === NATIONAL ? null : values.unit,
      tags: values.tags.map((tag) => tag.trim()).filter(Boolean),
      status: values.status,
    };
    const callbacks = {
      onSuccess: (saved: Article) => {
        const next = initialValues(saved, viewer);
        form.setInitialValues(next);
        form.setValues(next);
        onSaved(saved, !article);
      },
      onError: (error: unknown) => {
        const errors = fieldOf(formErrorsFrom(error, fields, describeError));
        form.setErrors(errors);
        showErrors(errors);
      },
    };
    if (article) update.mutate({ slug: article.slug, article: body }, callbacks);
    else create.mutate(body, callbacks);
  }, showErrors);

  const ownUnit = units.find((u) => u.code === viewer.unit_code);
  const statuses: ArticleStatus[] = article?.status === 'archived' ? ['draft', 'published', 'archived'] : ['draft', 'published'];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={860}>
        {article && (
          <Group gap="md">
            {article.status === 'published' && (
              <Anchor component={Link} to={paths.article(article.slug)} size="sm">
                <Group gap={4} wrap="nowrap">
                  <IconExternalLink size={14} aria-hidden />
                  {t('knowledge.editor.viewPublic')}
                </Group>
              </Anchor>
            )}
            {article.source_consultation_id && (
              <Anchor component={Link} to={paths.staffConsultation(article.source_consultation_id)} size="sm">
                <Group gap={4} wrap="nowrap">
                  <IconMessages size={14} aria-hidden />
                  {t('knowledge.editor.source')}
                </Group>
              </Anchor>
            )}
          </Group>
        )}
        <TextInput
          label={t('knowledge.editor.title')}
          description={t('knowledge.editor.titleHint', lengthBounds(articleLimits.title))}
          required
          maxLength={articleLimits.title.maxLength}
          {...form.getInputProps('title')}
        />
        <Textarea
          label={t('knowledge.editor.question')}
          description={t('knowledge.editor.questionHint', lengthBounds(articleLimits.question))}
          required
          autosize
          minRows={2}
          maxRows={8}
          maxLength={articleLimits.question.maxLength}
          {...form.getInputProps('question')}
        />
        <Tabs value={tab} onChange={setTab} keepMounted={false}>
          <Tabs.List>
            <Tabs.Tab value="write" leftSection={<IconPencil size={14} />}>
              {t('knowledge.editor.write')}
            </Tabs.Tab>
            <Tabs.Tab value="preview" leftSection={<IconEye size={14} />}>
              {t('knowledge.editor.preview')}
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="write" pt="xs">
            <Textarea
              label={t('knowledge.editor.answer')}
              description={t('knowledge.editor.answerHint', lengthBounds(articleLimits.answer))}
              required
              autosize
              minRows={10}
              maxRows={30}
              maxLength={articleLimits.answer.maxLength}
              {...form.getInputProps('answer')}
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="xs">
            <Stack gap={4} p="md" bd="1px solid var(--mantine-color-gray-3)" style={{ borderRadius: 'var(--mantine-radius-md)' }} aria-label={t('knowledge.editor.preview')} role="region">
              {form.values.answer.trim() ? (
                <ArticleAnswer answer={form.values.answer} />
              ) : (
                <Text size="sm" c="dimmed">
                  {t('knowledge.editor.previewEmpty')}
                </Text>
              )}
            </Stack>
          </Tabs.Panel>
        </Tabs>
        <Group grow align="flex-start" wrap="wrap" gap="md">
          <Select
            label={t('knowledge.editor.category')}
            required
            allowDeselect={false}
            data={categories.map((c) => ({ value: c, label: t(`consultations.categories.${c}.label`) }))}
            miw={220}
            {...form.getInputProps('category')}
          />
          {isAdmin ? (
            <Select
              label={t('knowledge.editor.unit')}
              required
              searchable
              allowDeselect={false}
              data={[
                { value: NATIONAL, label: t('knowledge.editor.national') },
                // BPS RI's own unit is what "national" means here.
                ...units.filter((u) => u.kind !== 'national').map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` })),
              ]}
              miw={220}
              {...form.getInputProps('unit')}
            />
          ) : (
            <TextInput
              label={t('knowledge.editor.unit')}
              description={t('knowledge.editor.ownUnit')}
              readOnly
              value={ownUnit?.name ?? viewer.unit_code ?? ''}
              error={form.errors.unit}
              miw={220}
            />
          )}
        </Group>
        <TagsInput
          label={t('knowledge.editor.tags')}
          description={t('knowledge.editor.tagsHint', tagBounds)}
          maxTags={articleLimits.tags}
          clearable
          {...form.getInputProps('tags')}
        />
        <Radio.Group label={t('knowledge.editor.status')} {...form.getInputProps('status')}>
          <Group gap="lg" mt={6}>
            {statuses.map((status) => (
              <Radio key={status} value={status} label={t(`knowledge.editor.statuses.${status}`)} />
            ))}
          </Group>
        </Radio.Group>
        <ErrorAlert error={save.error} shownFields={fields} />
        <Group justify="space-between">
          <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} />}>
            {t('common.save')}
          </Button>
          {article && article.status !== 'archived' && (
            <Button type="button" color="red" variant="light" leftSection={<IconArchive size={16} />} onClick={() => setConfirmArchive(true)}>
              {t('knowledge.editor.archive')}
            </Button>
          )}
        </Group>
      </Stack>

      {article && (
        <Modal opened={confirmArchive} onClose={() => setConfirmArchive(false)} title={t('knowledge.editor.archiveTitle')} centered>
          <Stack>
            <Text size="sm">{t('knowledge.editor.archiveBody')}</Text>
            <ErrorAlert error={archive.error} />
            <Group justify="flex-end">
              <Button type="button" variant="default" onClick={() => setConfirmArchive(false)}>
                {t('common.cancel')}
              </Button>
              <Button
                type="button"
                color="red"
                loading={archive.isPending}
                onClick={() => archive.mutate(article.slug, { onSuccess: () => onArchived() })}
              >
                {t('knowledge.editor.archiveConfirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </form>
  );
}
