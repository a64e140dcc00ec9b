import { Button, Group, Radio, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { requestLimits } from '@/lib/api/limits.gen';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { lengthProblem } from '@/lib/validation';

import { useCloseConsultation } from '../api/close-consultation';
import { closingResolutions } from '../utils/options';

const fields = ['resolution', 'summary'] as const;
const limits = requestLimits.CloseRequest;

type Resolution = (typeof closingResolutions)[number];

/** Closes with a resolution and a summary of the answer. */
export function CloseConsultationForm({ consultationId, onDone }: { consultationId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const close = useCloseConsultation();
  const form = useForm<{ resolution: Resolution; summary: string }>({
    initialValues: { resolution: 'answered', summary: '' },
    validate: { summary: (v) => lengthProblem(t, v.trim(), limits.summary) },
  });

  const submit = form.onSubmit((values) =>
    close.mutate(
      { id: consultationId, resolution: values.resolution, summary: values.summary.trim() || null },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('consultations.actions.closed') });
          onDone();
        },
        onError: (error) => form.setErrors(formErrorsFrom(error, fields, describeError)),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Radio.Group label={t('consultations.actions.resolution')} required {...form.getInputProps('resolution')}>
          <Stack gap="xs" mt={6}>
            {closingResolutions.map((r) => (
              <Radio key={r} value={r} label={t(`consultations.actions.closeResolutions.${r}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <Textarea
          label={t('consultations.actions.summary')}
          description={t('consultations.actions.summaryHint')}
          autosize
          minRows={3}
          maxLength={limits.summary.maxLength}
          {...form.getInputProps('summary')}
        />
        <ErrorAlert error={close.error} shownFields={fields} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={close.isPending}>
            {t('consultations.actions.closeSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
