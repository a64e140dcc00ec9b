import type { ConsultationChannel, FollowUpState } from '@/lib/api/types';

/** The ratings desk's filters, as the URL keeps them. */
export type RatingFilters = {
  unit?: string;
  /** Rated on or after this day (`YYYY-MM-DD`, inclusive), on the unit's clock. */
  from?: string;
  to?: string;
  channel?: ConsultationChannel;
  needsFollowUp?: boolean;
  state?: FollowUpState;
};

export type RatingListQuery = RatingFilters & { page: number; perPage: number };

export const ratingKeys = {
  all: ['ratings'] as const,
  lists: () => [...ratingKeys.all, 'list'] as const,
  list: (query: RatingListQuery) => [...ratingKeys.lists(), query] as const,
  details: () => [...ratingKeys.all, 'detail'] as const,
  detail: (id: string) => [...ratingKeys.details(), id] as const,
};
