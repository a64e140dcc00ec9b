import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';

import { paths } from '@/config/paths';

import { useUser } from './get-me';
import { isStaffRole } from './roles';
import { session } from './session';

function FullPageLoader() {
  return (
    <Center py="xl">
      <Loader aria-label="loading" />
    </Center>
  );
}

/** Where a visitor without a session goes: home right after logging out, else the login form. */
function useSignedOutRedirect() {
  const location = useLocation();
  if (session.endedByLogout()) return paths.home;
  const next = `${location.pathname}${location.search}`;
  return `${paths.login}?next=${encodeURIComponent(next)}`;
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { user, isSignedIn, isLoading } = useUser();
  const loginUrl = useSignedOutRedirect();
  if (!isSignedIn) return <Navigate to={loginUrl} replace />;
  if (isLoading) return <FullPageLoader />;
  if (!user) return <Navigate to={loginUrl} replace />;
  return children;
}

/** Staff pages: anyone else is sent home, as if the page did not exist for them. */
export function RequireStaff({ children }: { children: ReactNode }) {
  const { user, isSignedIn, isLoading } = useUser();
  const loginUrl = useSignedOutRedirect();
  if (!isSignedIn) return <Navigate to={loginUrl} replace />;
  if (isLoading) return <FullPageLoader />;
  if (!user) return <Navigate to={loginUrl} replace />;
  if (!isStaffRole(user.role)) return <Navigate to={paths.home} replace />;
  return children;
}
