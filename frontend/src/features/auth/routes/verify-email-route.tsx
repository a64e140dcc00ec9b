import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';

import { useVerifyEmail } from '../api/verify-email';
import { AuthCard } from '../components/auth-card';

export function VerifyEmailRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const verify = useVerifyEmail();
  const { mutate } = verify;
  // The token is single-use: post it once, even when React runs effects twice in development.
  const sentFor = useRef<string | null>(null);

  useEffect(() => {
    if (!token || sentFor.current === token) return;
    sentFor.current = token;
    mutate(token);
  }, [token, mutate]);

  let body;
  if (!token) {
    body = (
      <Alert color="red" role="alert">
        {t('auth.verify.missingToken')}
      </Alert>
    );
  } else if (verify.isSuccess) {
    body = (
      <>
        <Alert color="green" icon={<IconCircleCheck />} title={t('auth.verify.successTitle')} role="status">
          {t('auth.verify.successBody', { email: verify.data.email })}
        </Alert>
        <Button
          component={Link}
          to={`${paths.login}?email=${encodeURIComponent(verify.data.email)}`}
          mt="md"
          fullWidth
        >
          {t('auth.verify.toLogin')}
        </Button>
      </>
    );
  } else if (verify.isError) {
    body = <ErrorAlert error={verify.error} title={t('auth.verify.failedTitle')} />;
  } else {
    body = (
      <Group gap="sm">
        <Loader size="sm" />
        <Text>{t('auth.verify.verifying')}</Text>
      </Group>
    );
  }

  return <AuthCard title={t('auth.verify.title')}>{body}</AuthCard>;
}
