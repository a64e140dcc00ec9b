import type { Category } from './types';

/** The API's categories, in the order people see them. */
export const categories: readonly Category[] = ['data', 'metadata', 'activity_recommendation', 'classification'];

export function isCategory(value: unknown): value is Category {
  return categories.some((c) => c === value);
}
