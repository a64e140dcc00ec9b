import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { PasswordField } from '@/components/ui/password-field';
import { PasswordStrengthMeter } from '@/components/ui/password-strength-meter';
import { paths } from '@/config/paths';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { requestLimits } from '@/lib/api/limits.gen';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { isApiError } from '@/lib/api/problem';
import { usePasswordEstimator, usePasswordStrength } from '@/lib/hooks/use-password-strength';
import { lengthBounds, passwordProblem } from '@/lib/validation';

import { useConfirmPasswordReset } from '../api/confirm-password-reset';
import { AuthCard } from '../components/auth-card';

const limits = requestLimits.ResetConfirmRequest;
const noUserInputs: readonly string[] = [];

export function ResetPasswordRoute() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const confirm = useConfirmPasswordReset();
  const estimatePassword = usePasswordEstimator();
  const form = useForm({
    initialValues: { new_password: '', confirm: '' },
    validate: {
      // The page knows only the link's token, not whose it is: the server adds the name and email.
      new_password: (v) => passwordProblem(t, v, limits.new_password, estimatePassword(v, [])),
      confirm: (v, values) => (v === values.new_password ? null : t('validation.passwordMismatch')),
    },
  });
  const strength = usePasswordStrength(estimatePassword, form.values.new_password, noUserInputs);

  if (!token) {
    return (
      <AuthCard title={t('auth.reset.title')}>
        <Alert color="red" role="alert">
          {t('auth.reset.missingToken')}
        </Alert>
        <Anchor component={Link} to={paths.forgotPassword} size="sm" mt="md" display="block">
          {t('auth.reset.requestNew')}
        </Anchor>
      </AuthCard>
    );
  }

  if (confirm.isSuccess) {
    return (
      <AuthCard title={t('auth.reset.successTitle')}>
        <Alert color="green" icon={<IconCircleCheck />} role="status">
          {t('auth.reset.successBody')}
        </Alert>
        <Button component={Link} to={paths.login} mt="md" fullWidth>
          {t('nav.login')}
        </Button>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('auth.reset.title')}>
      <form
        noValidate
        onSubmit={form.onSubmit(({ new_password }) =>
          confirm.mutate(
            { token, new_password },
            { onError: (error) => form.setErrors(formErrorsFrom(error, ['new_password'], describeError)) },
          ),
        )}
      >
        <Stack gap="sm">
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
          <ErrorAlert error={confirm.error} shownFields={['new_password']}>
            {isApiError(confirm.error, 'invalid_token') && (
              <Anchor component={Link} to={paths.forgotPassword} size="sm" display="block" mt="xs">
                {t('auth.reset.requestNew')}
              </Anchor>
            )}
          </ErrorAlert>
          <Button type="submit" loading={confirm.isPending} fullWidth>
            {t('auth.reset.submit')}
          </Button>
        </Stack>
      </form>
    </AuthCard>
  );
}
