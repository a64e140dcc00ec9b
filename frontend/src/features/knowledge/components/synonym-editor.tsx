import { ActionIcon, Button, Group, Skeleton, Stack, TagsInput, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { randomId } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { charCount } from '@/lib/validation';

import { useSynonyms } from '../api/get-synonyms';
import { useUpdateSynonyms } from '../api/update-synonyms';
import { synonymLimits } from '../utils/limits';

type Row = { key: string; terms: string[] };
type Values = { groups: Row[] };

const rowsOf = (groups: string[][]): Row[] => groups.map((terms) => ({ key: randomId(), terms }));

function SynonymForm({ groups }: { groups: string[][] }) {
  const { t } = useTranslation();
  const save = useUpdateSynonyms();
  const form = useForm<Values>({
    initialValues: { groups: rowsOf(groups) },
    validate: {
      groups: {
        terms: (terms: string[]) => {
          if (terms.length < synonymLimits.terms.min || terms.length > synonymLimits.terms.max) {
            return t('knowledge.synonyms.groupSize', synonymLimits.terms);
          }
          return terms.some((term) => charCount(term.trim()) > synonymLimits.term)
            ? t('knowledge.synonyms.termLength', { max: synonymLimits.term })
            : null;
        },
      },
    },
  });

  const submit = form.onSubmit((values) =>
    save.mutate(
      { groups: values.groups.map((row) => row.terms.map((term) => term.trim()).filter(Boolean)) },
      {
        onSuccess: (saved) => {
          const next = { groups: rowsOf(saved.groups) };
          form.setInitialValues(next);
          form.setValues(next);
          notifications.show({ color: 'green', message: t('knowledge.synonyms.saved') });
        },
        // The server names the row it refuses (`groups.3`); the row's input is `groups.3.terms`.
        onError: (error) =>
          form.setErrors(
            Object.fromEntries(
              Object.entries(formErrorsFrom(error, ['groups', ...rowFields(values.groups.length)])).map(([field, message]) => [
                field === 'groups' ? field : `${field}.terms`,
                message,
              ]),
            ),
          ),
      },
    ),
  );

  const rows = form.values.groups;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={860}>
        {rows.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('knowledge.synonyms.empty')}
          </Text>
        )}
        {rows.map((row, index) => (
          <Group key={row.key} gap="xs" align="flex-start" wrap="nowrap">
            <TagsInput
              label={t('knowledge.synonyms.group', { number: index + 1 })}
              placeholder={t('knowledge.synonyms.placeholder')}
              maxTags={synonymLimits.terms.max}
              style={{ flex: 1 }}
              {...form.getInputProps(`groups.${index}.terms`)}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              size="lg"
              mt={24}
              aria-label={t('knowledge.synonyms.remove', { number: index + 1 })}
              onClick={() => form.removeListItem('groups', index)}
            >
              <IconTrash size={18} />
            </ActionIcon>
          </Group>
        ))}
        {form.errors.groups && (
          <Text size="sm" c="red" role="alert">
            {form.errors.groups}
          </Text>
        )}
        <ErrorAlert error={save.error} shownFields={['groups', ...rowFields(rows.length)]} />
        <Group justify="space-between">
          <Button
            type="button"
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => form.insertListItem('groups', { key: randomId(), terms: [] })}
            disabled={rows.length >= synonymLimits.groups}
          >
            {t('knowledge.synonyms.add')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()} leftSection={<IconDeviceFloppy size={16} />}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** The synonym groups the search uses: one row of equivalent words per group. */
/** The field names the server uses for each row: `groups.0`, `groups.1`, … */
const rowFields = (count: number) => Array.from({ length: count }, (_, index) => `groups.${index}`);

export function SynonymEditor() {
  const synonyms = useSynonyms();
  if (synonyms.isPending) return <Skeleton h={240} />;
  if (synonyms.isError) return <ErrorAlert error={synonyms.error} />;
  return <SynonymForm groups={synonyms.data.groups} />;
}
