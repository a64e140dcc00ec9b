import { Button, Group, SegmentedControl, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { requestLimits } from '@/lib/api/limits.gen';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { FollowUpKind } from '@/lib/api/types';
import { nowAsZonedInput, zonedInputToIso, zoneAbbreviation } from '@/lib/format/date-time';
import { lengthProblem } from '@/lib/validation';

import { useCreateFollowUp } from '../api/create-follow-up';
import { followUpKinds } from '../utils/options';

const fields = ['kind', 'scheduled_at', 'location_or_link', 'note'] as const;
const limits = requestLimits.FollowUpRequest;

type Values = { kind: FollowUpKind; scheduled_at: string; location_or_link: string; note: string };

type FollowUpFormProps = { consultationId: string; timeZone: string; onDone: () => void };

/** Schedules a follow-up on the unit's clock (the browser's zone may differ). */
export function FollowUpForm({ consultationId, timeZone, onDone }: FollowUpFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const create = useCreateFollowUp();
  const form = useForm<Values>({
    initialValues: { kind: 'video_meeting', scheduled_at: '', location_or_link: '', note: '' },
    validate: {
      scheduled_at: (v) => (zonedInputToIso(v, timeZone) ? null : t('consultations.followUps.invalidTime')),
      location_or_link: (v) => lengthProblem(t, v.trim(), limits.location_or_link),
      note: (v) => lengthProblem(t, v.trim(), limits.note),
    },
  });

  const submit = form.onSubmit((values) => {
    const scheduledAt = zonedInputToIso(values.scheduled_at, timeZone);
    if (!scheduledAt) return;
    create.mutate(
      {
        id: consultationId,
        kind: values.kind,
        scheduled_at: scheduledAt,
        location_or_link: values.location_or_link.trim(),
        note: values.note.trim() || null,
      },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('consultations.followUps.scheduled') });
          onDone();
        },
        onError: (error) => form.setErrors(formErrorsFrom(error, fields, describeError)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <div>
          <Text size="sm" fw={500} mb={4} id="follow-up-kind">
            {t('consultations.followUps.kind')}
          </Text>
          <SegmentedControl
            aria-labelledby="follow-up-kind"
            fullWidth
            data={followUpKinds.map((kind) => ({ value: kind, label: t(`consultations.followUps.kinds.${kind}`) }))}
            {...form.getInputProps('kind')}
          />
        </div>
        <TextInput
          type="datetime-local"
          label={t('consultations.followUps.scheduledAt', { zone: zoneAbbreviation(timeZone) })}
          required
          min={nowAsZonedInput(timeZone)}
          {...form.getInputProps('scheduled_at')}
        />
        <TextInput
          label={form.values.kind === 'video_meeting' ? t('consultations.followUps.link') : t('consultations.followUps.location')}
          type={form.values.kind === 'video_meeting' ? 'url' : 'text'}
          required
          maxLength={limits.location_or_link.maxLength}
          {...form.getInputProps('location_or_link')}
        />
        <Textarea label={t('consultations.followUps.note')} autosize minRows={2} maxLength={limits.note.maxLength} {...form.getInputProps('note')} />
        <ErrorAlert error={create.error} shownFields={fields} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('consultations.followUps.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
