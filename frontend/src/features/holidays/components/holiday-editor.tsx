import { ActionIcon, Alert, Button, Card, Grid, Group, Select, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { requestLimits } from '@/lib/api/limits.gen';
import { isApiError } from '@/lib/api/problem';
import type { Holiday, HolidayKind } from '@/lib/api/types';
import { lengthProblem } from '@/lib/validation';

import { useReplaceHolidays } from '../api/replace-holidays';

const kinds: HolidayKind[] = ['national', 'collective_leave'];
const nameLimits = requestLimits.Holiday.name;
const maxItems = requestLimits.HolidayYearUpdate.items.maxItems;

type HolidayEditorProps = { year: number; items: Holiday[]; onDone: () => void };

export function HolidayEditor({ year, items, onDone }: HolidayEditorProps) {
  const { t } = useTranslation();
  const replace = useReplaceHolidays();
  const form = useForm<{ items: Holiday[] }>({
    initialValues: { items },
    validate: {
      items: {
        date: (v) => (/^\d{4}-\d{2}-\d{2}$/.test(v) && v.startsWith(`${year}-`) ? null : `${year}-MM-DD`),
        name: (v) => lengthProblem(t, v.trim(), nameLimits),
      },
    },
  });

  const submit = form.onSubmit((values) =>
    replace.mutate(
      { year, items: values.items.map((h) => ({ ...h, name: h.name.trim() })) },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('staff.holidays.saved', { year }) });
          onDone();
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          // The server names list fields `items[3].date`; the form calls them `items.3.date`.
          form.setErrors(
            Object.fromEntries(
              Object.entries(error.fieldErrors).map(([field, message]) => [field.replace(/\[(\d+)\]/g, '.$1'), message]),
            ),
          );
        },
      },
    ),
  );

  const shownFields = form.values.items.flatMap((_, i) => [`items[${i}].date`, `items[${i}].kind`, `items[${i}].name`]);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Alert color="yellow" icon={<IconInfoCircle />}>
          {t('staff.holidays.replaceNote', { year })}
        </Alert>
        {form.values.items.map((_, index) => (
          <Card key={form.key(`items.${index}`)} withBorder padding="xs" radius="sm">
            <Grid gap="xs" align="flex-end">
              <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
                <TextInput
                  type="date"
                  label={t('staff.holidays.date')}
                  min={`${year}-01-01`}
                  max={`${year}-12-31`}
                  {...form.getInputProps(`items.${index}.date`)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 12, xs: 6, md: 3 }}>
                <Select
                  label={t('staff.holidays.kind')}
                  allowDeselect={false}
                  data={kinds.map((kind) => ({ value: kind, label: t(`staff.holidays.kinds.${kind}`) }))}
                  {...form.getInputProps(`items.${index}.kind`)}
                />
              </Grid.Col>
              <Grid.Col span={{ base: 10, md: 5 }}>
                <TextInput label={t('staff.holidays.name')} maxLength={nameLimits.maxLength} {...form.getInputProps(`items.${index}.name`)} />
              </Grid.Col>
              <Grid.Col span={{ base: 2, md: 1 }}>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  aria-label={t('staff.holidays.remove', { row: index + 1 })}
                  onClick={() => form.removeListItem('items', index)}
                >
                  <IconTrash size={18} />
                </ActionIcon>
              </Grid.Col>
            </Grid>
          </Card>
        ))}
        <Group justify="space-between">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} />}
            onClick={() => form.insertListItem('items', { date: `${year}-01-01`, kind: 'national', name: '' })}
            disabled={form.values.items.length >= maxItems}
          >
            {t('staff.holidays.add')}
          </Button>
          <Group gap="xs">
            <Button variant="default" onClick={onDone}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={replace.isPending}>
              {t('staff.holidays.save', { year })}
            </Button>
          </Group>
        </Group>
        <ErrorAlert error={replace.error} shownFields={shownFields} />
      </Stack>
    </form>
  );
}
