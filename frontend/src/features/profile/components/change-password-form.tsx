import { Button, Group, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { PasswordField } from '@/components/ui/password-field';
import { PasswordStrengthMeter } from '@/components/ui/password-strength-meter';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { requestLimits } from '@/lib/api/limits.gen';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { useUser } from '@/lib/auth/get-me';
import { usePasswordEstimator, usePasswordStrength } from '@/lib/hooks/use-password-strength';
import { passwordUserInputs } from '@/lib/password-strength';
import { lengthBounds, passwordProblem } from '@/lib/validation';

import { useChangePassword } from '../api/change-password';

const fields = ['current_password', 'new_password'] as const;
const limits = requestLimits.ChangePasswordRequest;

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const change = useChangePassword();
  const { user } = useUser();
  const userInputs = passwordUserInputs(user?.full_name ?? '', user?.email ?? '');
  const estimatePassword = usePasswordEstimator();
  const form = useForm({
    initialValues: { current_password: '', new_password: '', confirm: '' },
    validate: {
      current_password: (v) => (v ? null : t('validation.required')),
      new_password: (v) => passwordProblem(t, v, limits.new_password, estimatePassword(v, userInputs)),
      confirm: (v, values) => (v === values.new_password ? null : t('validation.passwordMismatch')),
    },
  });
  const strength = usePasswordStrength(estimatePassword, form.values.new_password, userInputs);

  const submit = form.onSubmit(({ current_password, new_password }) =>
    change.mutate(
      { current_password, new_password },
      {
        onSuccess: () => {
          form.reset();
          notifications.show({ color: 'green', message: t('profile.passwordChanged') });
        },
        onError: (error) => form.setErrors(formErrorsFrom(error, fields, describeError)),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <PasswordField
          label={t('fields.currentPassword')}
          autoComplete="current-password"
          required
          maxLength={limits.current_password.maxLength}
          {...form.getInputProps('current_password')}
        />
        <PasswordField
          label={t('fields.newPassword')}
          description={t('fields.passwordHint', lengthBounds(limits.new_password))}
          autoComplete="new-password"
          required
          maxLength={limits.new_password.maxLength}
          {...form.getInputProps('new_password')}
        />
        <PasswordStrengthMeter strength={strength} />
        <PasswordField
          label={t('fields.confirmPassword')}
          autoComplete="new-password"
          required
          maxLength={limits.new_password.maxLength}
          {...form.getInputProps('confirm')}
        />
        <ErrorAlert error={change.error} shownFields={fields} />
        <Group justify="flex-end">
          <Button type="submit" loading={change.isPending}>
            {t('profile.passwordSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
