import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';

import { paths } from '@/config/paths';
import { api } from '@/lib/api/client';

import { session } from './session';

/** Revokes the refresh token on the server; the caller forgets the session either way. */
export async function revokeSession(): Promise<void> {
  const current = session.get();
  if (current) {
    await api.POST('/api/v1/auth/logout', { body: { refresh_token: current.refresh_token } });
  }
}

export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: async () => {
      try {
        await revokeSession();
      } finally {
        session.clear('logout');
        queryClient.clear();
        await navigate(paths.home);
      }
    },
  });
}
