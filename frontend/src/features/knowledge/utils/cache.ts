import type { QueryClient } from '@tanstack/react-query';

import type { Article } from '@/lib/api/types';

import { knowledgeKeys } from '../api/query-keys';

/** Keeps an article a write answered with, and has every list and search fetched again. */
export async function storeArticle(queryClient: QueryClient, article: Article) {
  queryClient.setQueryData(knowledgeKeys.article(article.slug), article);
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: knowledgeKeys.lists() }),
    queryClient.invalidateQueries({ queryKey: knowledgeKeys.searches() }),
  ]);
}
