import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { useSession } from './use-session';

export const meQueryKey = ['me'] as const;

export function getMe() {
  return unwrap(api.GET('/api/v1/me'));
}

export const meQueryOptions = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe });

/** The signed-in user; `user` is null when nobody is signed in. */
export function useUser() {
  const current = useSession();
  const query = useQuery({ ...meQueryOptions(), enabled: current !== null });
  return {
    user: current ? (query.data ?? null) : null,
    isSignedIn: current !== null,
    // Signed in but the profile is still on its way (or failed): guards must wait, not redirect.
    isLoading: current !== null && query.isPending,
    error: query.error,
  };
}
