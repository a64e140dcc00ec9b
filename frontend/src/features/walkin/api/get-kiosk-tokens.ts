import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { walkinKeys } from './query-keys';

/** The unit's kiosk tokens, without their secret (supervisor). */
export function getKioskTokens(code: string) {
  return unwrap(api.GET('/api/v1/units/{code}/walkin/kiosk-tokens', { params: { path: { code } } }));
}

export const kioskTokensQueryOptions = (code: string) =>
  queryOptions({ queryKey: walkinKeys.kioskTokens(code), queryFn: () => getKioskTokens(code), select: (list) => list.items });

export function useKioskTokens(code: string) {
  return useQuery(kioskTokensQueryOptions(code));
}
