import { Button, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { isCategory } from '@/lib/api/categories';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { Category, Consultation, Unit } from '@/lib/api/types';
import { lengthBounds, lengthWithin } from '@/lib/validation';

import { useCreateConsultation } from '../api/create-consultation';
import { limits } from '../utils/options';

import { CategoryChoice } from './category-choice';

const fields = ['unit_code', 'category', 'subject', 'question'] as const;

type Values = { unit_code: string | null; category: Category | null; subject: string; question: string };

/** What has been written so far, for suggestions that follow the typing. */
export type ConsultationDraft = Values;

/** What a link may fill in (an article's "I still need help", a unit page); anything unknown is ignored. */
export type NewConsultationPrefill = { unit?: string | null; category?: string | null; subject?: string | null };

type NewConsultationFormProps = {
  /** The units that take online consultations. */
  units: Unit[];
  prefill?: NewConsultationPrefill;
  onCreated: (consultation: Consultation) => void;
  /** Shown below the question while it is typed: answers that may make asking unnecessary. */
  suggestions?: (draft: ConsultationDraft) => ReactNode;
};

export function NewConsultationForm({ units, prefill = {}, onCreated, suggestions }: NewConsultationFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const create = useCreateConsultation();
  const form = useForm<Values>({
    initialValues: {
      unit_code: units.some((u) => u.code === prefill.unit) ? (prefill.unit ?? null) : null,
      category: isCategory(prefill.category) ? prefill.category : null,
      subject: prefill.subject?.trim().slice(0, limits.subject.maxLength) ?? '',
      question: '',
    },
    validate: {
      unit_code: (v) => (v ? null : t('validation.required')),
      category: (v) => (v ? null : t('validation.required')),
      subject: (v) =>
        lengthWithin(v.trim(), limits.subject) ? null : t('consultations.new.subjectLength', lengthBounds(limits.subject)),
      question: (v) =>
        lengthWithin(v.trim(), limits.question) ? null : t('consultations.new.questionLength', lengthBounds(limits.question)),
    },
  });

  const submit = form.onSubmit((values) => {
    if (!values.unit_code || !values.category) return;
    create.mutate(
      {
        unit_code: values.unit_code,
        category: values.category,
        subject: values.subject.trim(),
        question: values.question.trim(),
      },
      {
        onSuccess: onCreated,
        onError: (error) => form.setErrors(formErrorsFrom(error, fields, describeError)),
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={760}>
        <Select
          label={t('consultations.new.unit')}
          description={t('consultations.new.unitHint')}
          placeholder={t('consultations.new.unitPlaceholder')}
          required
          searchable
          allowDeselect={false}
          data={units.map((u) => ({ value: u.code, label: u.name }))}
          {...form.getInputProps('unit_code')}
        />
        <CategoryChoice
          value={form.values.category}
          onChange={(category) => form.setFieldValue('category', category)}
          error={form.errors.category}
        />
        <TextInput
          label={t('consultations.new.subject')}
          description={t('consultations.new.subjectHint', lengthBounds(limits.subject))}
          required
          maxLength={limits.subject.maxLength}
          {...form.getInputProps('subject')}
        />
        <Textarea
          label={t('consultations.new.question')}
          description={t('consultations.new.questionHint', lengthBounds(limits.question))}
          required
          autosize
          minRows={5}
          maxRows={16}
          maxLength={limits.question.maxLength}
          {...form.getInputProps('question')}
        />
        {suggestions?.(form.values)}
        <ErrorAlert error={create.error} shownFields={fields} />
        <Button type="submit" loading={create.isPending} size="md" style={{ alignSelf: 'flex-start' }}>
          {t('consultations.new.submit')}
        </Button>
      </Stack>
    </form>
  );
}
