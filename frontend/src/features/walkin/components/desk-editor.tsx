import { Alert, Button, Card, Checkbox, Grid, Group, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { requestLimits } from '@/lib/api/limits.gen';
import type { WalkinDesk, WalkinService } from '@/lib/api/types';
import { lengthProblem } from '@/lib/validation';

import { useReplaceDesks } from '../api/replace-desks';

import { EditorRowHeader } from './editor-row-header';
import { CODE, listFields, listFormErrors, rowKey, rowOf } from '../utils/catalog-form';

const limits = requestLimits.WalkinDesk;
const MAX_DESKS = requestLimits.DesksRequest.desks.maxItems;

type Row = { key: string; saved: boolean; code: string; name: string; services: string[]; active: boolean };

const rowsOf = (desks: WalkinDesk[]): Row[] =>
  desks.map((d) => ({ key: rowKey(), saved: true, code: d.code, name: d.name, services: d.services, active: d.active ?? true }));

type DeskEditorProps = { unitCode: string; desks: WalkinDesk[]; services: WalkinService[] };

/** The supervisor's list of the unit's desks: names, the services each calls, order, on or off. */
export function DeskEditor({ unitCode, desks, services }: DeskEditorProps) {
  const { t } = useTranslation();
  const save = useReplaceDesks();
  const form = useForm<{ desks: Row[] }>({
    initialValues: { desks: rowsOf(desks) },
    validate: {
      desks: {
        code: (value, values, path) => {
          if (!CODE.test(value)) return value ? t('walkin.setup.codePattern') : t('validation.required');
          const problem = lengthProblem(t, value, limits.code);
          if (problem) return problem;
          return values.desks.some((r, i) => i !== rowOf(path) && r.code === value) ? t('walkin.setup.duplicateCode') : null;
        },
        name: (value) => lengthProblem(t, value.trim(), limits.name),
        services: (value) => (value.length > 0 ? null : t('walkin.setup.servicesRequired')),
      },
    },
  });
  const rows = form.values.desks;

  const submit = form.onSubmit((values) =>
    save.mutate(
      { unitCode, desks: values.desks.map(({ code, name, services: called, active }) => ({ code, name: name.trim(), services: called, active })) },
      {
        onSuccess: (saved) => {
          form.setValues({ desks: rowsOf(saved.items) });
          form.resetDirty({ desks: rowsOf(saved.items) });
          notifications.show({ closeButtonProps: { 'aria-label': t('walkin.closeNotice') }, color: 'green', message: t('walkin.setup.desksSaved') });
        },
        onError: (error) => form.setErrors(listFormErrors(error)),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {rows.map((row, index) => {
          const label = t('walkin.setup.deskRow', { n: index + 1 });
          // A desk may still name a service switched off since: shown, so the supervisor sees why it is refused.
          const choices = services.filter((s) => s.active !== false || row.services.includes(s.code));
          return (
            <Card key={row.key} withBorder radius="md" padding="sm" role="group" aria-label={label}>
              <EditorRowHeader
                label={label}
                active={row.active}
                index={index}
                count={rows.length}
                saved={row.saved}
                onMove={(from, to) => form.reorderListItem('desks', { from, to })}
                onRemove={() => form.removeListItem('desks', index)}
              />
              <Grid gap="xs">
                <Grid.Col span={{ base: 12, sm: 7 }}>
                  <TextInput
                    label={t('walkin.setup.deskName')}
                    description={t('walkin.setup.deskNameHint')}
                    required
                    maxLength={limits.name.maxLength}
                    {...form.getInputProps(`desks.${index}.name`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 12, sm: 5 }}>
                  <TextInput
                    label={t('walkin.setup.code')}
                    description={row.saved ? t('walkin.setup.codeFixed') : t('walkin.setup.codeHint')}
                    required
                    readOnly={row.saved}
                    maxLength={limits.code.maxLength}
                    autoCapitalize="none"
                    {...form.getInputProps(`desks.${index}.code`)}
                  />
                </Grid.Col>
              </Grid>
              <Checkbox.Group mt="xs" label={t('walkin.setup.deskServices')} required {...form.getInputProps(`desks.${index}.services`)}>
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} mt={6}>
                  {choices.map((s) => (
                    <Checkbox
                      key={s.code}
                      value={s.code}
                      label={s.active === false ? `${s.name} (${t('walkin.setup.inactive')})` : s.name}
                    />
                  ))}
                </SimpleGrid>
              </Checkbox.Group>
              <Switch mt="xs" label={t('walkin.setup.active')} {...form.getInputProps(`desks.${index}.active`, { type: 'checkbox' })} />
            </Card>
          );
        })}
        {form.errors.desks && (
          <Alert color="red" role="alert">
            {form.errors.desks}
          </Alert>
        )}
        <ErrorAlert error={save.error} shownFields={listFields(save.error)} />
        <Group justify="space-between">
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            disabled={rows.length >= MAX_DESKS}
            onClick={() => form.insertListItem('desks', { key: rowKey(), saved: false, code: '', name: '', services: [], active: true })}
          >
            {t('walkin.setup.addDesk')}
          </Button>
          <Button type="submit" leftSection={<IconDeviceFloppy size={16} />} loading={save.isPending}>
            {t('walkin.setup.saveDesks')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
