import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { walkinKeys } from './query-keys';

/** The unit's display board (public); the board's WebSocket keeps it current afterwards. */
export function getBoard(code: string) {
  return unwrap(api.GET('/api/v1/units/{code}/walkin/board', { params: { path: { code } } }));
}

export const boardQueryOptions = (code: string) =>
  queryOptions({ queryKey: walkinKeys.board(code), queryFn: () => getBoard(code) });

export function useBoard(code: string) {
  return useQuery(boardQueryOptions(code));
}
