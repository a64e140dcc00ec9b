/** `GET /api/v1/templates`'s query: the unit beside the national ones (default the caller's), words and a page. */
export type TemplateListQuery = {
  /** A unit code; absent for the caller's own unit (an admin without one sees the national ones only). */
  unit?: string;
  /** The start of a shortcut, or letters of the title. */
  q?: string;
  page: number;
  perPage: number;
};

/**
 * Keys of the templates' queries. Every key starts with `templateKeys.all`, so a change to a template
 * (`invalidateQueries({ queryKey: templateKeys.all })`) refreshes the lists and whatever another
 * feature (the reply composer) keeps under it.
 */
export const templateKeys = {
  all: ['templates'] as const,
  lists: () => [...templateKeys.all, 'list'] as const,
  list: (query: TemplateListQuery) => [...templateKeys.lists(), query] as const,
  details: () => [...templateKeys.all, 'detail'] as const,
  detail: (id: string) => [...templateKeys.details(), id] as const,
  /** The templates filled for one consultation (`GET /consultations/{id}/templates`), for the composer. */
  filled: (consultationId: string, q?: string) => [...templateKeys.all, 'filled', consultationId, { q }] as const,
};
