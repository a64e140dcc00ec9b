import { Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { PasswordField } from '@/components/ui/password-field';
import { PasswordStrengthMeter } from '@/components/ui/password-strength-meter';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { requestLimits } from '@/lib/api/limits.gen';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { usePasswordEstimator, usePasswordStrength } from '@/lib/hooks/use-password-strength';
import { passwordUserInputs } from '@/lib/password-strength';
import { blankToUndefined, emailProblem, lengthBounds, lengthProblem, passwordProblem } from '@/lib/validation';

import { useRegister } from '../api/register';

const fields = ['email', 'password', 'full_name', 'phone', 'institution', 'occupation'] as const;
const limits = requestLimits.RegisterRequest;

type RegisterFormProps = { onRegistered: (accepted: { email: string }) => void };

export function RegisterForm({ onRegistered }: RegisterFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const register = useRegister();
  const estimatePassword = usePasswordEstimator();
  const form = useForm({
    initialValues: { email: '', password: '', full_name: '', phone: '', institution: '', occupation: '' },
    validate: {
      email: (v) => emailProblem(t, v, limits.email),
      password: (v, values) =>
        passwordProblem(t, v, limits.password, estimatePassword(v, passwordUserInputs(values.full_name, values.email))),
      full_name: (v) => lengthProblem(t, v.trim(), limits.full_name),
      institution: (v) => lengthProblem(t, v.trim(), limits.institution),
      occupation: (v) => lengthProblem(t, v.trim(), limits.occupation),
    },
  });
  const strength = usePasswordStrength(
    estimatePassword,
    form.values.password,
    passwordUserInputs(form.values.full_name, form.values.email),
  );

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
        <TextInput
          label={t('fields.email')}
          type="email"
          autoComplete="email"
          required
          maxLength={limits.email.maxLength}
          {...form.getInputProps('email')}
        />
        <PasswordField
          label={t('fields.password')}
          description={t('fields.passwordHint', lengthBounds(limits.password))}
          autoComplete="new-password"
          required
          maxLength={limits.password.maxLength}
          {...form.getInputProps('password')}
        />
        <PasswordStrengthMeter strength={strength} />
        <TextInput
          label={t('fields.fullName')}
          autoComplete="name"
          required
          maxLength={limits.full_name.maxLength}
          {...form.getInputProps('full_name')}
        />
        <TextInput label={optional(t('fields.phone'))} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
        <TextInput
          label={optional(t('fields.institution'))}
          autoComplete="organization"
          maxLength={limits.institution.maxLength}
          {...form.getInputProps('institution')}
        />
        <TextInput
          label={optional(t('fields.occupation'))}
          maxLength={limits.occupation.maxLength}
          {...form.getInputProps('occupation')}
        />
        <ErrorAlert error={register.error} shownFields={fields} />
        <Button type="submit" loading={register.isPending} fullWidth mt="xs">
          {t('auth.register.submit')}
        </Button>
      </Stack>
    </form>
  );
}
