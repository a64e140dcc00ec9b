import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';

import { paths } from '@/config/paths';
import type { Me } from '@/lib/api/types';
import { useUser } from '@/lib/auth/get-me';
import { isStaffRole } from '@/lib/auth/roles';
import { safeNextPath } from '@/lib/auth/safe-next';

import { AuthCard } from '../components/auth-card';
import { LoginForm } from '../components/login-form';

function landingFor(me: Me, next: string | null) {
  return next ?? (isStaffRole(me.role) ? paths.staff : paths.home);
}

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNextPath(params.get('next'));
  const { user } = useUser();

  if (user) return <Navigate to={landingFor(user, next)} replace />;

  return (
    <AuthCard title={t('auth.login.title')}>
      <LoginForm
        initialEmail={params.get('email') ?? ''}
        onLoggedIn={(me) => void navigate(landingFor(me, next), { replace: true })}
      />
      <Text size="sm" mt="md" ta="center">
        {t('auth.login.noAccount')}{' '}
        <Anchor component={Link} to={paths.register}>
          {t('nav.register')}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
