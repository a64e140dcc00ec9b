import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { knowledgeKeys, type ArticleListQuery } from './query-keys';

/** Articles, most recently updated first: published ones, and for staff their units' others too. */
export function getArticles({ status, category, unit, q, page, perPage }: ArticleListQuery) {
  return unwrap(
    api.GET('/api/v1/knowledge/articles', {
      params: { query: { status, category, unit, q: q?.trim() || undefined, page, per_page: perPage } },
    }),
  );
}

export const articlesQueryOptions = (query: ArticleListQuery) =>
  queryOptions({ queryKey: knowledgeKeys.list(query), queryFn: () => getArticles(query) });

export function useArticles(query: ArticleListQuery, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...articlesQueryOptions(query), enabled, placeholderData: keepPreviousData });
}
