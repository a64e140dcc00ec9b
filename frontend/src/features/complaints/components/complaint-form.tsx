import { Button, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { ComplaintIntake, ComplaintKind, ComplaintReceipt, ComplaintRequest, Me } from '@/lib/api/types';
import { blankToUndefined, emailProblem, lengthProblem } from '@/lib/validation';

import { useFileComplaint } from '../api/file-complaint';
import { complaintLimits as limits, recordedIntakes } from '../utils/options';

import { KindChoice } from './kind-choice';

const fields = [
  'kind',
  'subject',
  'description',
  'name',
  'email',
  'phone',
  'related_number',
  'channel',
  'lapor_reference',
  'received_at',
] as const;

type Values = {
  kind: ComplaintKind;
  subject: string;
  description: string;
  name: string;
  email: string;
  phone: string;
  related_number: string;
  channel: Exclude<ComplaintIntake, 'web'> | null;
  lapor_reference: string;
  received_at: string;
};

type ComplaintFormProps = {
  unitCode: string;
  /** The signed-in person, or null for an anonymous visitor. */
  viewer: Me | null;
  /** The unit's staff record a complaint that came through another channel. */
  recording?: boolean;
  /** The receipt, and the address the confirmation or the code went to. */
  onFiled: (receipt: ComplaintReceipt, email: string | null) => void;
};

/**
 * A complaint, suggestion, appreciation or request for information to a unit. A signed-in member
 * of the public only writes what it is about (the account's name and email go with it); an
 * anonymous visitor gives an email to confirm; staff also say where it came from.
 */
export function ComplaintForm({ unitCode, viewer, recording = false, onFiled }: ComplaintFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const file = useFileComplaint();
  const signedInPublic = !recording && viewer?.role === 'public';
  const emailRequired = !recording && !signedInPublic;
  const form = useForm<Values>({
    initialValues: {
      kind: 'complaint',
      subject: '',
      description: '',
      name: '',
      email: '',
      phone: '',
      related_number: '',
      channel: null,
      lapor_reference: '',
      received_at: '',
    },
    validate: {
      subject: (v) => lengthProblem(t, v.trim(), limits.subject),
      description: (v) => lengthProblem(t, v.trim(), limits.description),
      name: (v) => lengthProblem(t, v.trim(), limits.name),
      email: (v) => (v.trim() === '' ? (emailRequired ? t('validation.required') : null) : emailProblem(t, v, limits.email)),
      phone: (v) => lengthProblem(t, v.trim(), limits.phone),
      related_number: (v) => lengthProblem(t, v.trim(), limits.related_number),
      channel: (v) => (recording && !v ? t('validation.required') : null),
      lapor_reference: (v, values) =>
        recording && values.channel === 'lapor' ? (lengthProblem(t, v.trim(), { ...limits.lapor_reference, minLength: 1 })) : null,
    },
  });

  const submit = form.onSubmit((values) => {
    const request: ComplaintRequest = {
      unit_code: unitCode,
      kind: values.kind,
      subject: values.subject.trim(),
      description: values.description.trim(),
      name: signedInPublic ? undefined : blankToUndefined(values.name),
      email: blankToUndefined(values.email),
      phone: signedInPublic ? undefined : blankToUndefined(values.phone),
      related_number: blankToUndefined(values.related_number),
      ...(recording
        ? {
            channel: values.channel ?? undefined,
            lapor_reference: values.channel === 'lapor' ? blankToUndefined(values.lapor_reference) : undefined,
            received_at: values.received_at || undefined,
          }
        : {}),
    };
    file.mutate(request, {
      onSuccess: (receipt) => {
        onFiled(receipt, request.email ?? (signedInPublic ? (viewer?.email ?? null) : null));
        form.reset();
      },
      onError: (error) => form.setErrors(formErrorsFrom(error, fields, describeError)),
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {recording && (
          <Select
            label={t('complaintDesk.record.channel')}
            required
            allowDeselect={false}
            data={recordedIntakes.map((c) => ({ value: c, label: t(`reports.complaintChannels.${c}`) }))}
            {...form.getInputProps('channel')}
          />
        )}
        {recording && form.values.channel === 'lapor' && (
          <TextInput
            label={t('complaintDesk.record.laporReference')}
            required
            maxLength={limits.lapor_reference.maxLength}
            {...form.getInputProps('lapor_reference')}
          />
        )}
        {recording && (
          <TextInput
            type="date"
            label={t('complaintDesk.record.receivedAt')}
            description={t('complaintDesk.record.receivedAtHint')}
            {...form.getInputProps('received_at')}
          />
        )}
        <KindChoice
          value={form.values.kind}
          onChange={(kind) => form.setFieldValue('kind', kind)}
          error={form.errors.kind}
        />
        <TextInput
          label={t('complaintDesk.form.subject')}
          description={t('complaintDesk.form.subjectHint', { max: limits.subject.maxLength })}
          required
          maxLength={limits.subject.maxLength}
          {...form.getInputProps('subject')}
        />
        <Textarea
          label={t('complaintDesk.form.description')}
          description={t('complaintDesk.form.descriptionHint', { max: limits.description.maxLength })}
          required
          autosize
          minRows={4}
          maxRows={12}
          maxLength={limits.description.maxLength}
          {...form.getInputProps('description')}
        />
        {signedInPublic && viewer ? (
          <Text size="sm" c="dimmed">
            {t('complaintDesk.form.signedInAs', { name: viewer.full_name, email: viewer.email })}
          </Text>
        ) : (
          <>
            <TextInput
              label={t('complaintDesk.form.name')}
              description={t('complaintDesk.form.nameHint')}
              autoComplete="name"
              maxLength={limits.name.maxLength}
              {...form.getInputProps('name')}
            />
            <TextInput
              type="email"
              label={t('complaintDesk.form.email')}
              description={recording ? t('complaintDesk.record.emailHint') : t('complaintDesk.form.emailHint')}
              required={emailRequired}
              autoComplete="email"
              maxLength={limits.email.maxLength}
              {...form.getInputProps('email')}
            />
            <TextInput
              type="tel"
              label={t('complaintDesk.form.phone')}
              description={t('complaintDesk.form.nameHint')}
              autoComplete="tel"
              maxLength={limits.phone.maxLength}
              {...form.getInputProps('phone')}
            />
          </>
        )}
        <TextInput
          label={t('complaintDesk.form.related')}
          description={t('complaintDesk.form.relatedHint')}
          maxLength={limits.related_number.maxLength}
          {...form.getInputProps('related_number')}
        />
        {!recording && (
          <Text size="xs" c="dimmed">
            {t('complaintDesk.form.privacy')}
          </Text>
        )}
        <ErrorAlert error={file.error} shownFields={fields} />
        <Button type="submit" loading={file.isPending} style={{ alignSelf: 'flex-start' }}>
          {recording ? t('complaintDesk.record.submit') : t('complaintDesk.form.submit')}
        </Button>
      </Stack>
    </form>
  );
}
