import { keepPreviousData, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';


/** The templates to answer this consultation with, filled for it, narrowed to `q` (a shortcut's start or a word of the title). */
/**
 * Under the templates feature's own prefix (`['templates']`, which its writes invalidate), so that
 * writing a template refreshes what the composer offers.
 */
export const filledTemplatesKey = (consultationId: string, q: string) => ['templates', 'filled', consultationId, { q }] as const;

export function useConsultationTemplates(consultationId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: filledTemplatesKey(consultationId, q),
    queryFn: () =>
      unwrap(
        api.GET('/api/v1/consultations/{id}/templates', {
          params: { path: { id: consultationId }, query: q ? { q, per_page: 8 } : { per_page: 8 } },
        }),
      ),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}
