import { Alert, Anchor, Button, Group, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailExclamation } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { PasswordField } from '@/components/ui/password-field';
import { paths } from '@/config/paths';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { requestLimits } from '@/lib/api/limits.gen';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { isApiError } from '@/lib/api/problem';
import type { Me } from '@/lib/api/types';
import { emailProblem } from '@/lib/validation';

import { useLogin } from '../api/login';

import { ResendVerificationButton } from './resend-verification-button';

const fields = ['email', 'password'] as const;
const limits = requestLimits.LoginRequest;

type LoginFormProps = { initialEmail?: string; onLoggedIn: (me: Me) => void };

export function LoginForm({ initialEmail = '', onLoggedIn }: LoginFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const login = useLogin();
  const form = useForm({
    initialValues: { email: initialEmail, password: '' },
    validate: {
      email: (v) => emailProblem(t, v, limits.email),
      password: (v) => (v ? null : t('validation.required')),
    },
  });

  const submit = form.onSubmit((values) =>
    login.mutate(
      { email: values.email.trim(), password: values.password },
      {
        onSuccess: (me) => onLoggedIn(me),
        onError: (error) => form.setErrors(formErrorsFrom(error, fields, describeError)),
      },
    ),
  );

  const notVerified = isApiError(login.error, 'email_not_verified');

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('fields.email')}
          type="email"
          autoComplete="username"
          required
          maxLength={limits.email.maxLength}
          {...form.getInputProps('email')}
        />
        <PasswordField
          label={t('fields.password')}
          autoComplete="current-password"
          required
          maxLength={limits.password.maxLength}
          {...form.getInputProps('password')}
        />
        <Group justify="flex-end">
          <Anchor component={Link} to={paths.forgotPassword} size="sm">
            {t('auth.login.forgot')}
          </Anchor>
        </Group>
        {notVerified ? (
          <Alert color="yellow" icon={<IconMailExclamation />} role="alert">
            <Stack gap="xs" align="flex-start">
              {t('auth.login.notVerified')}
              <ResendVerificationButton email={form.values.email.trim()} />
            </Stack>
          </Alert>
        ) : (
          <ErrorAlert error={login.error} shownFields={fields} />
        )}
        <Button type="submit" loading={login.isPending} fullWidth>
          {t('auth.login.submit')}
        </Button>
      </Stack>
    </form>
  );
}
