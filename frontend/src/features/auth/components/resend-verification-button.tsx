import { Button, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';

import { useResendVerification } from '../api/resend-verification';

export function ResendVerificationButton({ email }: { email: string }) {
  const { t } = useTranslation();
  const resend = useResendVerification();
  if (resend.isSuccess) {
    return (
      <Text size="sm" role="status">
        {t('auth.resend.sent')}
      </Text>
    );
  }
  return (
    <>
      <Button variant="light" size="xs" loading={resend.isPending} onClick={() => resend.mutate(email)}>
        {t('auth.resend.button')}
      </Button>
      <ErrorAlert error={resend.error} />
    </>
  );
}
