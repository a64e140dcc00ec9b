import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { ArticleRequest } from '@/lib/api/types';

import { storeArticle } from '../utils/cache';

/** Writes a new article of a unit (or, for admins, a national one); a draft unless told otherwise. */
export function createArticle(body: ArticleRequest) {
  return unwrap(api.POST('/api/v1/knowledge/articles', { body }));
}

export function useCreateArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createArticle,
    onSuccess: (article) => storeArticle(queryClient, article),
  });
}
