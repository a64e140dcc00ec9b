import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { templateKeys } from './query-keys';

/** Deletes a template. */
export function deleteTemplate(id: string) {
  return unwrap(api.DELETE('/api/v1/templates/{id}', { params: { path: { id } } }));
}

export function useDeleteTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTemplate,
    onSuccess: (_, id) => {
      queryClient.removeQueries({ queryKey: templateKeys.detail(id) });
      return queryClient.invalidateQueries({ queryKey: templateKeys.all });
    },
  });
}
