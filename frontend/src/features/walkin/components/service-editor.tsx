import { Alert, Button, Card, Grid, Group, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { requestLimits } from '@/lib/api/limits.gen';
import type { WalkinService } from '@/lib/api/types';
import { lengthProblem } from '@/lib/validation';

import { useReplaceServices } from '../api/replace-services';

import { EditorRowHeader } from './editor-row-header';
import { CODE, listFields, listFormErrors, PREFIX, rowKey, rowOf } from '../utils/catalog-form';

const limits = requestLimits.WalkinService;
const MAX_SERVICES = requestLimits.ServicesRequest.services.maxItems;

/** A row of the form: `saved` rows keep their code, which their tickets refer to. */
type Row = { key: string; saved: boolean; code: string; name: string; prefix: string; active: boolean };

const rowsOf = (services: WalkinService[]): Row[] =>
  services.map((s) => ({ key: rowKey(), saved: true, code: s.code, name: s.name, prefix: s.prefix, active: s.active ?? true }));

/** The supervisor's list of the unit's walk-in services: names, ticket prefixes, order, on or off. */
export function ServiceEditor({ unitCode, services }: { unitCode: string; services: WalkinService[] }) {
  const { t } = useTranslation();
  const save = useReplaceServices();
  const form = useForm<{ services: Row[] }>({
    initialValues: { services: rowsOf(services) },
    validate: {
      services: {
        code: (value, values, path) => {
          if (!CODE.test(value)) return value ? t('walkin.setup.codePattern') : t('validation.required');
          const problem = lengthProblem(t, value, limits.code);
          if (problem) return problem;
          return values.services.some((r, i) => i !== rowOf(path) && r.code === value) ? t('walkin.setup.duplicateCode') : null;
        },
        name: (value) => lengthProblem(t, value.trim(), limits.name),
        prefix: (value, values, path) => {
          if (!PREFIX.test(value)) return value ? t('walkin.setup.prefixPattern') : t('validation.required');
          return values.services.some((r, i) => i !== rowOf(path) && r.prefix === value) ? t('walkin.setup.duplicatePrefix') : null;
        },
      },
    },
  });
  const rows = form.values.services;

  const submit = form.onSubmit((values) =>
    save.mutate(
      { unitCode, services: values.services.map(({ code, name, prefix, active }) => ({ code, name: name.trim(), prefix, active })) },
      {
        onSuccess: (saved) => {
          form.setValues({ services: rowsOf(saved.items) });
          form.resetDirty({ services: rowsOf(saved.items) });
          notifications.show({ closeButtonProps: { 'aria-label': t('walkin.closeNotice') }, color: 'green', message: t('walkin.setup.servicesSaved') });
        },
        onError: (error) => form.setErrors(listFormErrors(error)),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {rows.map((row, index) => {
          const label = t('walkin.setup.serviceRow', { n: index + 1 });
          return (
            <Card key={row.key} withBorder radius="md" padding="sm" role="group" aria-label={label}>
              <EditorRowHeader
                label={label}
                active={row.active}
                index={index}
                count={rows.length}
                saved={row.saved}
                onMove={(from, to) => form.reorderListItem('services', { from, to })}
                onRemove={() => form.removeListItem('services', index)}
              />
              <Grid gap="xs">
                <Grid.Col span={{ base: 12, sm: 5 }}>
                  <TextInput label={t('walkin.setup.name')} required maxLength={limits.name.maxLength} {...form.getInputProps(`services.${index}.name`)} />
                </Grid.Col>
                <Grid.Col span={{ base: 8, sm: 4 }}>
                  <TextInput
                    label={t('walkin.setup.code')}
                    description={row.saved ? t('walkin.setup.codeFixed') : t('walkin.setup.codeHint')}
                    required
                    readOnly={row.saved}
                    maxLength={limits.code.maxLength}
                    autoCapitalize="none"
                    {...form.getInputProps(`services.${index}.code`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 4, sm: 3 }}>
                  <TextInput
                    label={t('walkin.setup.prefix')}
                    description={row.prefix ? t('walkin.setup.prefixExample', { prefix: row.prefix }) : undefined}
                    required
                    maxLength={1}
                    {...form.getInputProps(`services.${index}.prefix`)}
                    onChange={(event) => form.setFieldValue(`services.${index}.prefix`, event.currentTarget.value.toUpperCase())}
                  />
                </Grid.Col>
              </Grid>
              <Switch mt="xs" label={t('walkin.setup.active')} {...form.getInputProps(`services.${index}.active`, { type: 'checkbox' })} />
            </Card>
          );
        })}
        {form.errors.services && (
          <Alert color="red" role="alert">
            {form.errors.services}
          </Alert>
        )}
        <ErrorAlert error={save.error} shownFields={listFields(save.error)} />
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            disabled={rows.length >= MAX_SERVICES}
            onClick={() => form.insertListItem('services', { key: rowKey(), saved: false, code: '', name: '', prefix: '', active: true })}
          >
            {t('walkin.setup.addService')}
          </Button>
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending}>
            {t('walkin.setup.saveServices')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
