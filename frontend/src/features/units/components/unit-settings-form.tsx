import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { requestLimits } from '@/lib/api/limits.gen';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { everyValueOf } from '@/lib/api/enums';
import type { AutoAssign, ReportSchedule, UnitSettings } from '@/lib/api/types';

import { useUpdateUnitSettings } from '../api/update-unit-settings';

const fields = [
  'auto_close_after_days',
  'online_deadline_working_days',
  'walkin_max_wait_minutes',
  'walkin_priority_run',
  'walkin_no_show_after_calls',
  'follow_up_below_score',
  'complaint_verify_working_days',
  'complaint_respond_working_days',
  'complaint_auto_close_working_days',
] as const;
const hours = ['office_opens_at', 'office_closes_at'] as const;
const schedules = everyValueOf<ReportSchedule>()(['off', 'monthly', 'quarterly', 'semester']);
const assignments = everyValueOf<AutoAssign>()(['off', 'round_robin']);
const allFields = [...fields, ...hours, 'notify_staff_on_new_consultation', 'walkin_remote_tickets', 'feedback_report_schedule', 'auto_assign'] as const;
const HH_MM = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;

const limits = requestLimits.UnitSettings;

type UnitSettingsFormProps = { unitCode: string; settings: UnitSettings };

/** Every setting spelled out: the API leaves out those at their defaults (as its spec states them). */
const complete = (settings: UnitSettings): Required<UnitSettings> => ({
  ...settings,
  notify_staff_on_new_consultation: settings.notify_staff_on_new_consultation ?? true,
  walkin_priority_run: settings.walkin_priority_run ?? 2,
  walkin_no_show_after_calls: settings.walkin_no_show_after_calls ?? 2,
  walkin_remote_tickets: settings.walkin_remote_tickets ?? false,
  office_opens_at: settings.office_opens_at ?? '08:00',
  office_closes_at: settings.office_closes_at ?? '16:00',
  follow_up_below_score: settings.follow_up_below_score ?? 2,
  complaint_verify_working_days: settings.complaint_verify_working_days ?? 3,
  complaint_respond_working_days: settings.complaint_respond_working_days ?? 5,
  complaint_auto_close_working_days: settings.complaint_auto_close_working_days ?? 10,
  feedback_report_schedule: settings.feedback_report_schedule ?? 'off',
  auto_assign: settings.auto_assign ?? 'off',
});

export function UnitSettingsForm({ unitCode, settings }: UnitSettingsFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const update = useUpdateUnitSettings();
  const form = useForm<Required<UnitSettings>>({
    initialValues: complete(settings),
    validate: {
      ...Object.fromEntries(
        fields.map((field) => [
          field,
          (value: number) =>
            Number.isInteger(value) && value >= limits[field].minimum && value <= limits[field].maximum
              ? null
              : t('validation.numberBetween', { min: limits[field].minimum, max: limits[field].maximum }),
        ]),
      ),
      office_opens_at: (value: string) => (HH_MM.test(value) ? null : t('staff.settings.timeFormat')),
      office_closes_at: (value: string, values: Required<UnitSettings>) =>
        !HH_MM.test(value) ? t('staff.settings.timeFormat') : value <= values.office_opens_at ? t('staff.settings.closesAfterOpens') : null,
    },
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
    walkin_priority_run: t('staff.settings.priorityRun'),
    walkin_no_show_after_calls: t('staff.settings.noShowAfterCalls'),
    follow_up_below_score: t('staff.settings.followUpBelowScore'),
    complaint_verify_working_days: t('staff.settings.complaintVerify'),
    complaint_respond_working_days: t('staff.settings.complaintRespond'),
    complaint_auto_close_working_days: t('staff.settings.complaintAutoClose'),
    office_opens_at: t('staff.settings.opensAt'),
    office_closes_at: t('staff.settings.closesAt'),
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
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          {hours.map((field) => (
            <TextInput key={field} type="time" label={labels[field]} {...form.getInputProps(field)} />
          ))}
        </SimpleGrid>
        <Switch
          label={t('staff.settings.remoteTickets')}
          description={t('staff.settings.remoteTicketsHint')}
          {...form.getInputProps('walkin_remote_tickets', { type: 'checkbox' })}
        />
        <Switch
          label={t('staff.settings.notifyStaff')}
          description={t('staff.settings.notifyStaffHint')}
          {...form.getInputProps('notify_staff_on_new_consultation', { type: 'checkbox' })}
        />
        <Select
          label={t('staff.settings.feedbackReport')}
          description={t('staff.settings.feedbackReportHint')}
          allowDeselect={false}
          data={schedules.map((value) => ({ value, label: t(`staff.settings.feedbackSchedules.${value}`) }))}
          w={{ base: '100%', sm: 320 }}
          {...form.getInputProps('feedback_report_schedule')}
        />
        <Select
          label={t('staff.settings.autoAssign')}
          description={t('staff.settings.autoAssignHint')}
          allowDeselect={false}
          data={assignments.map((value) => ({ value, label: t(`staff.settings.autoAssigns.${value}`) }))}
          w={{ base: '100%', sm: 320 }}
          {...form.getInputProps('auto_assign')}
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
