import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { PasswordField } from '@/components/ui/password-field';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { Me } from '@/lib/api/types';
import { blankToUndefined, looksLikeEmail, MIN_PASSWORD_LENGTH } from '@/lib/validation';

import { useRegister } from '../api/register';

const fields = ['email', 'password', 'full_name', 'phone', 'institution', 'occupation'] as const;

type RegisterFormProps = { onRegistered: (me: Me) => void };

export function RegisterForm({ onRegistered }: RegisterFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const register = useRegister();
  const form = useForm({
    initialValues: { email: '', password: '', full_name: '', phone: '', institution: '', occupation: '' },
    validate: {
      email: (v) => (looksLikeEmail(v) ? null : t('validation.email')),
      password: (v) => (v.length >= MIN_PASSWORD_LENGTH ? null : t('validation.passwordLength')),
      full_name: (v) => (v.trim() ? null : t('validation.required')),
    },
  });

  const submit = form.onSubmit((values) =>
    register.mutate(
      {
        email: values.email.trim(),
        password: values.password,
        full_name: values.full_name.trim(),
        phone: blankToUndefined(values.phone),
        institution: blankToUndefined(values.institution),
        occupation: blankToUndefined(values.occupation),
      },
      {
        onSuccess: (me) => onRegistered(me),
        onError: (error) => form.setErrors(formErrorsFrom(error, fields, describeError)),
      },
    ),
  );

  const optional = (label: string) => `${label} (${t('common.optional')})`;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t('fields.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
        <PasswordField
          label={t('fields.password')}
          description={t('fields.passwordHint')}
          autoComplete="new-password"
          required
          {...form.getInputProps('password')}
        />
        <TextInput label={t('fields.fullName')} autoComplete="name" required {...form.getInputProps('full_name')} />
        <TextInput label={optional(t('fields.phone'))} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
        <TextInput
          label={optional(t('fields.institution'))}
          autoComplete="organization"
          {...form.getInputProps('institution')}
        />
        <TextInput label={optional(t('fields.occupation'))} {...form.getInputProps('occupation')} />
        <ErrorAlert error={register.error} shownFields={fields} />
        <Button type="submit" loading={register.isPending} fullWidth mt="xs">
          {t('auth.register.submit')}
        </Button>
      </Stack>
    </form>
  );
}
