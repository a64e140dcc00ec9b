import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { knowledgeKeys } from './query-keys';

/** Archives an article: it leaves the public pages and the search, and is kept. */
export function archiveArticle(slug: string) {
  return unwrap(api.DELETE('/api/v1/knowledge/articles/{id}', { params: { path: { id: slug } } }));
}

export function useArchiveArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: archiveArticle,
    // Its status, the lists it is on and the search results all change.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: knowledgeKeys.all }),
  });
}
