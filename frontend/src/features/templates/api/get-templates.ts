import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';

import { templateKeys, type TemplateListQuery } from './query-keys';

/** One page of templates: the unit's own first, then the national ones, each by shortcut. */
export function getTemplates({ perPage, q, ...query }: TemplateListQuery) {
  return unwrap(
    api.GET('/api/v1/templates', { params: { query: { ...query, ...(q ? { q } : {}), per_page: perPage } } }),
  );
}

export const templatesQueryOptions = (query: TemplateListQuery) =>
  queryOptions({ queryKey: templateKeys.list(query), queryFn: () => getTemplates(query) });

export function useTemplates(query: TemplateListQuery) {
  return useQuery({ ...templatesQueryOptions(query), placeholderData: keepPreviousData });
}
