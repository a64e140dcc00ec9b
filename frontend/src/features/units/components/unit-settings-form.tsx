import { Button, Group, NumberInput, SimpleGrid, Stack, Switch } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { requestLimits } from '@/lib/api/limits.gen';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { UnitSettings } from '@/lib/api/types';

import { useUpdateUnitSettings } from '../api/update-unit-settings';

const fields = ['auto_close_after_days', 'online_deadline_working_days', 'walkin_max_wait_minutes'] as const;
const allFields = [...fields, 'notify_staff_on_new_consultation'] as const;

const limits = requestLimits.UnitSettings;

type UnitSettingsFormProps = { unitCode: string; settings: UnitSettings };

/** Every setting spelled out: the API leaves out the email switch when it is at its default (on). */
const complete = (settings: UnitSettings): Required<UnitSettings> => ({
  ...settings,
  notify_staff_on_new_consultation: settings.notify_staff_on_new_consultation ?? true,
});

export function UnitSettingsForm({ unitCode, settings }: UnitSettingsFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const update = useUpdateUnitSettings();
  const form = useForm<Required<UnitSettings>>({
    initialValues: complete(settings),
    validate: Object.fromEntries(
      fields.map((field) => [
        field,
        (value: number) =>
          Number.isInteger(value) && value >= limits[field].minimum && value <= limits[field].maximum
            ? null
            : t('validation.numberBetween', { min: limits[field].minimum, max: limits[field].maximum }),
      ]),
    ),
  });

  const submit = form.onSubmit((values) =>
    update.mutate(
      { code: unitCode, settings: values },
      {
        onSuccess: (saved) => {
          form.setInitialValues(complete(saved));
          form.setValues(complete(saved));
          notifications.show({ color: 'green', message: t('staff.settings.saved') });
        },
        onError: (error) => form.setErrors(formErrorsFrom(error, allFields, describeError)),
      },
    ),
  );

  const labels = {
    auto_close_after_days: t('staff.settings.autoClose'),
    online_deadline_working_days: t('staff.settings.onlineDeadline'),
    walkin_max_wait_minutes: t('staff.settings.walkinWait'),
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {fields.map((field) => (
            <NumberInput
              key={field}
              label={labels[field]}
              min={limits[field].minimum}
              max={limits[field].maximum}
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps(field)}
            />
          ))}
        </SimpleGrid>
        <Switch
          label={t('staff.settings.notifyStaff')}
          description={t('staff.settings.notifyStaffHint')}
          {...form.getInputProps('notify_staff_on_new_consultation', { type: 'checkbox' })}
        />
        <ErrorAlert error={update.error} shownFields={allFields} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
