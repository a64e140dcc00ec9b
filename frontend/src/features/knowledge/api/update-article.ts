import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { ArticleRequest } from '@/lib/api/types';

import { storeArticle } from '../utils/cache';

export type UpdateArticleInput = { slug: string; article: ArticleRequest };

/** Replaces an article's content, unit and status. */
export function updateArticle({ slug, article }: UpdateArticleInput) {
  return unwrap(api.PUT('/api/v1/knowledge/articles/{id}', { params: { path: { id: slug } }, body: article }));
}

export function useUpdateArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateArticle,
    onSuccess: (article) => storeArticle(queryClient, article),
  });
}
