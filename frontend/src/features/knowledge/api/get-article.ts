import { queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { knowledgeKeys } from './query-keys';

/** One article by slug (or id); staff also read their units' drafts. */
export function getArticle(slug: string) {
  return unwrap(api.GET('/api/v1/knowledge/articles/{id}', { params: { path: { id: slug } } }));
}

export const articleQueryOptions = (slug: string) =>
  queryOptions({ queryKey: knowledgeKeys.article(slug), queryFn: () => getArticle(slug) });

export function useArticle(slug: string | null) {
  return useQuery({ ...articleQueryOptions(slug ?? ''), enabled: Boolean(slug) });
}
