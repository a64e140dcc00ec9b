import { everyValueOf } from './enums';
import { enumValues } from './limits.gen';
import type { Category } from './types';

/** The API's categories, in the order people see them. */
export const categories = everyValueOf<Category>()(['data', 'metadata', 'activity_recommendation', 'classification']);

export function isCategory(value: unknown): value is Category {
  return enumValues.Category.some((c) => c === value);
}
