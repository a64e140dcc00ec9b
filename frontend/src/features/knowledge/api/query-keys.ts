import type { ArticleStatus, Category } from '@/lib/api/types';

export type SearchQuery = { q: string; category?: Category; unit?: string; page: number; perPage: number };

export type ArticleListQuery = {
  status?: ArticleStatus;
  category?: Category;
  /** A unit code, or `national`. */
  unit?: string;
  /** Words in the title. */
  q?: string;
  page: number;
  perPage: number;
};

export const knowledgeKeys = {
  all: ['knowledge'] as const,
  searches: () => [...knowledgeKeys.all, 'search'] as const,
  search: (query: SearchQuery) => [...knowledgeKeys.searches(), query] as const,
  lists: () => [...knowledgeKeys.all, 'list'] as const,
  list: (query: ArticleListQuery) => [...knowledgeKeys.lists(), query] as const,
  articles: () => [...knowledgeKeys.all, 'article'] as const,
  article: (slug: string) => [...knowledgeKeys.articles(), slug] as const,
  synonyms: () => [...knowledgeKeys.all, 'synonyms'] as const,
  curation: () => [...knowledgeKeys.all, 'to-curate'] as const,
  toCurate: (page: number, perPage: number) => [...knowledgeKeys.curation(), { page, perPage }] as const,
};
