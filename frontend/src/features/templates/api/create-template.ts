import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { TemplateRequest } from '@/lib/api/types';

import { templateKeys } from './query-keys';

/** Writes a template of a unit (or, for admins, a national one: `unit_code` null). */
export function createTemplate(body: TemplateRequest) {
  return unwrap(api.POST('/api/v1/templates', { body }));
}

export function useCreateTemplate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTemplate,
    // Where it lands among the others depends on its shortcut: the lists are asked again.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: templateKeys.all }),
  });
}
