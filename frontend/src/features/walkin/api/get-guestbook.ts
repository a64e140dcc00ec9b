import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { walkinKeys, type GuestbookLookup } from './query-keys';

/** Guest-book entries: a day's (today's by default), or a returning visitor's by email or ID number. */
export function getGuestbook(code: string, { email, idNumber, date }: GuestbookLookup) {
  return unwrap(
    api.GET('/api/v1/units/{code}/guestbook', {
      params: { path: { code }, query: { email, id_number: idNumber, date, per_page: 100 } },
    }),
  );
}

export const guestbookQueryOptions = (code: string, lookup: GuestbookLookup) =>
  queryOptions({ queryKey: walkinKeys.guestbookLookup(code, lookup), queryFn: () => getGuestbook(code, lookup) });

export function useGuestbook(code: string, lookup: GuestbookLookup, enabled = true) {
  return useQuery({ ...guestbookQueryOptions(code, lookup), enabled, placeholderData: keepPreviousData });
}
