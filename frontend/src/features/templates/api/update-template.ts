import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Template, TemplateRequest } from '@/lib/api/types';

import { templateKeys } from './query-keys';

export type UpdateTemplateInput = { id: string; template: TemplateRequest };

/** Replaces a template whole (its unit too). */
export function updateTemplate({ id, template }: UpdateTemplateInput) {
  return unwrap(api.PUT('/api/v1/templates/{id}', { params: { path: { id } }, body: template }));
}

export function useUpdateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTemplate,
    onSuccess: (saved: Template) => {
      queryClient.setQueryData(templateKeys.detail(saved.id), saved);
      return queryClient.invalidateQueries({ queryKey: templateKeys.all });
    },
  });
}
