import { Button, Code, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { Me, Template, TemplateRequest, Unit } from '@/lib/api/types';
import { lengthBounds, lengthProblem } from '@/lib/validation';

import { useCreateTemplate } from '../api/create-template';
import { useUpdateTemplate } from '../api/update-template';
import { insertAt, SHORTCUT_PATTERN, templateLimits, templateVariables, unknownVariables } from '../utils/template-text';

/** The server's fields this form shows by their inputs. */
const fields = ['title', 'shortcut', 'body', 'unit_code'] as const;
const shownFields = [...fields];

/** The unit field's value for a national template. */
export const NATIONAL = 'national';

type Values = { title: string; shortcut: string; unit: string | null; body: string };

type TemplateEditorProps = {
  opened: boolean;
  onClose: () => void;
  /** The template being edited; a new one is written when absent. */
  template?: Template | null;
  viewer: Pick<Me, 'role' | 'unit_code'>;
  /** Units by code: an admin picks one, others see their own unit's name. */
  units: ReadonlyMap<string, Unit>;
  /** For a new template of an admin: the unit the list shows (or national). */
  defaultUnit?: string | null;
  onSaved?: (template: Template, created: boolean) => void;
};

function initialValues(template: Template | null | undefined, viewer: TemplateEditorProps['viewer'], defaultUnit?: string | null): Values {
  if (template) {
    return { title: template.title, shortcut: template.shortcut, unit: template.unit_code ?? NATIONAL, body: template.body };
  }
  const unit = viewer.role === 'admin' ? (defaultUnit ?? NATIONAL) : (viewer.unit_code ?? null);
  return { title: '', shortcut: '', unit, body: '' };
}

/** What the server's field errors are called on this form. */
const fieldOf = (errors: Record<string, string>) => {
  const { unit_code: unit, ...rest } = errors;
  return unit ? { ...rest, unit } : rest;
};

/** The form of a template, in a dialog: a new one, or one being edited. Mounted anew for each. */
function TemplateForm({ template, viewer, units, defaultUnit, onClose, onSaved }: Omit<TemplateEditorProps, 'opened'>) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const save = template ? update : create;
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const isAdmin = viewer.role === 'admin';

  const form = useForm<Values>({
    initialValues: initialValues(template, viewer, defaultUnit),
    validate: {
      title: (v) => lengthProblem(t, v.trim(), templateLimits.title),
      shortcut: (v) => lengthProblem(t, v.trim(), templateLimits.shortcut) ?? (SHORTCUT_PATTERN.test(v.trim()) ? null : t('templates.editor.shortcutPattern')),
      unit: (v) => (v ? null : t('validation.required')),
      body: (v) => {
        const unknown = unknownVariables(v);
        if (unknown.length > 0) return t('templates.editor.unknownVariable', { names: unknown.map((n) => `{${n}}`).join(', ') });
        return lengthProblem(t, v.trim(), templateLimits.body);
      },
    },
  });

  const insertVariable = (name: string) => {
    const area = bodyRef.current;
    const text = form.getValues().body;
    const start = area?.selectionStart ?? text.length;
    const end = area?.selectionEnd ?? start;
    const { value, cursor } = insertAt(text, `{${name}}`, start, end);
    form.setFieldValue('body', value);
    // Back to the text, the cursor just after what was put in, once React has written the value.
    requestAnimationFrame(() => {
      area?.focus();
      area?.setSelectionRange(cursor, cursor);
    });
  };

  const submit = form.onSubmit((values) => {
    if (!values.unit) return;
    const body: TemplateRequest = {
      unit_code: values.unit === NATIONAL ? null : values.unit,
      title: values.title.trim(),
      shortcut: values.shortcut.trim(),
      body: values.body.trim(),
    };
    const callbacks = {
      onSuccess: (saved: Template) => {
        onSaved?.(saved, !template);
        onClose();
      },
      onError: (error: unknown) => {
        const errors = fieldOf(formErrorsFrom(error, fields, describeError));
        // The shortcut's length and shape are checked above as the server checks them: what the
        // server still says about it is that another template of the unit has it (said in English).
        if (errors.shortcut) errors.shortcut = t('templates.editor.shortcutTaken');
        form.setErrors(errors);
      },
    };
    if (template) update.mutate({ id: template.id, template: body }, callbacks);
    else create.mutate(body, callbacks);
  });

  const ownUnit = viewer.unit_code ? units.get(viewer.unit_code) : undefined;
  const unitOptions = [
    { value: NATIONAL, label: t('templates.editor.nationalOption') },
    // BPS RI's own unit is what "national" means here.
    ...[...units.values()].filter((u) => u.kind !== 'national').map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` })),
  ];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('templates.editor.title')}
          description={t('templates.editor.titleHint', lengthBounds(templateLimits.title))}
          required
          maxLength={templateLimits.title.maxLength}
          data-autofocus
          {...form.getInputProps('title')}
        />
        <TextInput
          label={t('templates.editor.shortcut')}
          description={t('templates.editor.shortcutHint')}
          required
          maxLength={templateLimits.shortcut.maxLength}
          leftSection={
            <Text component="span" ff="monospace" fw={600} aria-hidden>
              /
            </Text>
          }
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          {...form.getInputProps('shortcut')}
        />
        {isAdmin ? (
          <Select
            label={t('templates.editor.unit')}
            required
            searchable
            allowDeselect={false}
            data={unitOptions}
            {...form.getInputProps('unit')}
          />
        ) : (
          <TextInput
            label={t('templates.editor.unit')}
            description={t('templates.editor.ownUnit')}
            readOnly
            value={ownUnit?.name ?? viewer.unit_code ?? ''}
            error={form.errors.unit}
          />
        )}
        <Stack gap={6}>
          <Textarea
            ref={bodyRef}
            label={t('templates.editor.body')}
            description={
              <>
                {t('templates.editor.bodyHint', lengthBounds(templateLimits.body))}
                {templateVariables.map((name, i) => (
                  <span key={name}>
                    {' '}
                    <Code>{`{${name}}`}</Code> {t(`templates.editor.variables.${name}`)}
                    {i < templateVariables.length - 1 ? ',' : '.'}
                  </span>
                ))}
              </>
            }
            required
            autosize
            minRows={5}
            maxRows={16}
            maxLength={templateLimits.body.maxLength}
            {...form.getInputProps('body')}
          />
          <Group gap={6} role="group" aria-label={t('templates.editor.insert')}>
            <Text size="xs" component="span">
              {t('templates.editor.insert')}:
            </Text>
            {templateVariables.map((name) => (
              <Button
                key={name}
                type="button"
                size="compact-xs"
                variant="light"
                ff="monospace"
                aria-label={t('templates.editor.insertOne', { variable: `{${name}}`, meaning: t(`templates.editor.variables.${name}`) })}
                onClick={() => insertVariable(name)}
              >
                {`{${name}}`}
              </Button>
            ))}
          </Group>
        </Stack>
        <ErrorAlert error={save.error} shownFields={shownFields} />
        <Group justify="flex-end">
          <Button type="button" variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} leftSection={<IconDeviceFloppy size={16} aria-hidden />}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Writes a new template or edits one, in a dialog (full screen on a phone). */
export function TemplateEditor({ opened, onClose, template, ...rest }: TemplateEditorProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)') ?? false;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t(template ? 'templates.editor.editTitle' : 'templates.editor.newTitle')}
      size="lg"
      fullScreen={phone}
      closeButtonProps={{ 'aria-label': t('templates.close') }}
    >
      {opened && <TemplateForm key={template?.id ?? 'new'} template={template} onClose={onClose} {...rest} />}
    </Modal>
  );
}
