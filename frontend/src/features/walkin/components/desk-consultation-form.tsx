import { Alert, Button, Group, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck, IconExternalLink, IconNotebook } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';
import { categories } from '@/lib/api/categories';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { requestLimits } from '@/lib/api/limits.gen';
import { isApiError } from '@/lib/api/problem';
import { referralServices } from '@/lib/api/referral-services';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { Category, ReferralService, Ticket } from '@/lib/api/types';
import { lengthProblem } from '@/lib/validation';

import { useRecordConsultation } from '../api/record-consultation';

// Named as the server names them in a 422 problem, so its field errors land on these inputs.
const fields = ['category', 'subject', 'question', 'answer', 'referral.service', 'referral.note'] as const;
const limits = requestLimits.DeskConsultationRequest;
const referralLimits = requestLimits.ReferralRequest;

type Values = {
  category: Category | null;
  subject: string;
  question: string;
  answer: string;
  referral: { service: ReferralService | null; note: string };
};

type DeskConsultationFormProps = { ticket: Ticket; unitCode: string; onClose: () => void };

/**
 * The officer's record of the consultation held at the desk: it joins the visitor's history as a
 * consultation of the walk-in channel, closed and answered.
 */
export function DeskConsultationForm({ ticket, unitCode, onClose }: DeskConsultationFormProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const record = useRecordConsultation();
  const form = useForm<Values>({
    initialValues: { category: null, subject: '', question: '', answer: '', referral: { service: null, note: '' } },
    validate: {
      category: (v) => (v ? null : t('validation.required')),
      subject: (v) => lengthProblem(t, v.trim(), limits.subject),
      question: (v) => lengthProblem(t, v.trim(), limits.question),
      answer: (v) => lengthProblem(t, v.trim(), limits.answer),
      referral: { note: (v) => lengthProblem(t, v.trim(), referralLimits.note) },
    },
  });

  if (record.data) {
    return (
      <Stack>
        <Alert color="green" icon={<IconCircleCheck />} title={t('walkin.record.recordedTitle')} role="status">
          <Text size="sm">{t('walkin.record.recordedBody', { number: record.data.number, ticket: ticket.number })}</Text>
          {/* A button-like link: the theme's link blue is under 4.5:1 on the alert's pale green. */}
          <Button component={Link} to={paths.staffConsultation(record.data.id)} variant="default" size="compact-sm" mt="xs">
            {t('walkin.record.open')}
          </Button>
        </Alert>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('walkin.record.close')}</Button>
        </Group>
      </Stack>
    );
  }

  const submit = form.onSubmit((values) => {
    if (!values.category) return;
    const { service, note } = values.referral;
    record.mutate(
      {
        ticketId: ticket.id,
        unitCode,
        consultation: {
          category: values.category,
          subject: values.subject.trim(),
          question: values.question.trim(),
          answer: values.answer.trim(),
          referral: service ? { service, note: note.trim() || null } : null,
        },
      },
      { onError: (error) => form.setErrors(formErrorsFrom(error, fields, describe)) },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text size="sm" c="dimmed">
          {t('walkin.record.lead')}
        </Text>
        <Select
          label={t('walkin.record.category')}
          placeholder={t('walkin.record.categoryPlaceholder')}
          required
          allowDeselect={false}
          data={categories.map((c) => ({ value: c, label: t(`consultations.categories.${c}.label`) }))}
          {...form.getInputProps('category')}
        />
        <TextInput label={t('walkin.record.subject')} required maxLength={limits.subject.maxLength} {...form.getInputProps('subject')} />
        <Textarea label={t('walkin.record.question')} required autosize minRows={3} maxLength={limits.question.maxLength} {...form.getInputProps('question')} />
        <Textarea label={t('walkin.record.answer')} required autosize minRows={3} maxLength={limits.answer.maxLength} {...form.getInputProps('answer')} />
        <Select
          label={t('walkin.record.referral')}
          placeholder={t('walkin.record.referralPlaceholder')}
          clearable
          clearButtonProps={{ 'aria-label': t('walkin.record.clearReferral') }}
          data={referralServices.map((s) => ({ value: s, label: t(`consultations.referrals.services.${s}`) }))}
          {...form.getInputProps('referral.service')}
        />
        {form.values.referral.service && (
          <Textarea
            label={t('walkin.record.referralNote')}
            autosize
            minRows={2}
            maxLength={referralLimits.note.maxLength}
            {...form.getInputProps('referral.note')}
          />
        )}
        {isApiError(record.error, 'guestbook_required') ? (
          <Alert color="orange" icon={<IconNotebook />} title={t('walkin.record.guestbookTitle')} role="alert">
            <Text size="sm">{t('errors.codes.guestbook_required')}</Text>
            {/* A new tab, so what the officer typed here waits for them. */}
            <Button
              component="a"
              href={`${paths.staffGuestbook}?unit=${encodeURIComponent(unitCode)}`}
              target="_blank"
              rel="noopener"
              variant="default"
              size="compact-sm"
              mt="xs"
              rightSection={<IconExternalLink size={14} aria-hidden />}
            >
              {t('walkin.record.openGuestbook')}
            </Button>
          </Alert>
        ) : (
          <ErrorAlert error={record.error} shownFields={fields} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={record.isPending}>
            {t('walkin.record.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
