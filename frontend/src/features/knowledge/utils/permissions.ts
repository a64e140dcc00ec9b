import type { Me } from '@/lib/api/types';

export type Editor = Pick<Me, 'role' | 'unit_code'>;

/** Whether the viewer may write articles of the unit (`null`: national, admins only), as the API rules. */
export function canEditArticle(viewer: Editor | null | undefined, unitCode: string | null | undefined): boolean {
  if (!viewer) return false;
  if (viewer.role === 'admin') return true;
  if (!unitCode) return false;
  return (viewer.role === 'officer' || viewer.role === 'supervisor') && viewer.unit_code === unitCode;
}

/** Staff who curate the knowledge base: officers, supervisors and admins. */
export function curatesKnowledge(viewer: Editor | null | undefined): boolean {
  return viewer?.role === 'officer' || viewer?.role === 'supervisor' || viewer?.role === 'admin';
}
