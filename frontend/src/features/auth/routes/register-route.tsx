import { Alert, Anchor, Text } from '@mantine/core';
import { IconMailCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';

import { AuthCard } from '../components/auth-card';
import { RegisterForm } from '../components/register-form';
import { ResendVerificationButton } from '../components/resend-verification-button';

export function RegisterRoute() {
  const { t } = useTranslation();
  const [registeredEmail, setRegisteredEmail] = useState<string | null>(null);

  if (registeredEmail) {
    return (
      <AuthCard title={t('auth.register.successTitle')}>
        <Alert color="green" icon={<IconMailCheck />} role="status">
          {t('auth.register.successBody', { email: registeredEmail })}
        </Alert>
        <Text size="sm" mt="md" component="div">
          <ResendVerificationButton email={registeredEmail} />
        </Text>
        <Text size="sm" mt="md">
          <Anchor component={Link} to={`${paths.login}?email=${encodeURIComponent(registeredEmail)}`}>
            {t('nav.login')}
          </Anchor>
        </Text>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('auth.register.title')} lead={t('auth.register.lead')}>
      <RegisterForm onRegistered={(me) => setRegisteredEmail(me.email)} />
      <Text size="sm" mt="md" ta="center">
        {t('auth.register.haveAccount')}{' '}
        <Anchor component={Link} to={paths.login}>
          {t('nav.login')}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
