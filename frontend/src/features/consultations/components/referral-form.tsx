import { Button, Group, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { requestLimits } from '@/lib/api/limits.gen';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { ReferralService } from '@/lib/api/types';
import { lengthProblem } from '@/lib/validation';

import { useCreateReferral } from '../api/create-referral';
import { referralServices } from '../utils/options';

const fields = ['service', 'note'] as const;
const limits = requestLimits.ReferralRequest;

/** Records a referral to another PST service. */
export function ReferralForm({ consultationId, onDone }: { consultationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const create = useCreateReferral();
  const form = useForm<{ service: ReferralService | null; note: string }>({
    initialValues: { service: null, note: '' },
    validate: {
      service: (v) => (v ? null : t('validation.required')),
      note: (v) => lengthProblem(t, v.trim(), limits.note),
    },
  });

  const submit = form.onSubmit((values) => {
    if (!values.service) return;
    create.mutate(
      { id: consultationId, service: values.service, note: values.note.trim() || null },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('consultations.referrals.saved') });
          onDone();
        },
        onError: (error) => form.setErrors(formErrorsFrom(error, fields, describeError)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label={t('consultations.referrals.service')}
          required
          allowDeselect={false}
          data={referralServices.map((s) => ({ value: s, label: t(`consultations.referrals.services.${s}`) }))}
          {...form.getInputProps('service')}
        />
        <Textarea label={t('consultations.referrals.note')} autosize minRows={2} maxLength={limits.note.maxLength} {...form.getInputProps('note')} />
        <ErrorAlert error={create.error} shownFields={fields} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('consultations.referrals.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
