import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { getMe, meQueryKey } from '@/lib/auth/get-me';
import { session } from '@/lib/auth/session';

export type LoginInput = components['schemas']['LoginRequest'];

/** Logs in and loads the profile, so the caller can route by role. */
export async function login(input: LoginInput) {
  const tokens = await unwrap(api.POST('/api/v1/auth/login', { body: input }));
  session.set(tokens);
  return getMe();
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => queryClient.setQueryData(meQueryKey, me),
  });
}
