import type { Me } from '@/lib/api/types';

export type TemplateWriter = Pick<Me, 'role' | 'unit_code'>;

/** Staff who use templates: officers, supervisors and admins (front office and the public do not). */
export function usesTemplates(viewer: TemplateWriter | null | undefined): boolean {
  return viewer?.role === 'officer' || viewer?.role === 'supervisor' || viewer?.role === 'admin';
}

/**
 * Whether the viewer may write templates of the unit (`null`: national), as the API rules: admins
 * any; a unit's officers and supervisor their own unit's. A supervisor of a province reads the
 * units below theirs but does not write them.
 */
export function canWriteTemplate(viewer: TemplateWriter | null | undefined, unitCode: string | null | undefined): boolean {
  if (!viewer) return false;
  if (viewer.role === 'admin') return true;
  if (!unitCode) return false;
  return (viewer.role === 'officer' || viewer.role === 'supervisor') && viewer.unit_code === unitCode;
}

/** Whether the viewer may write any template at all (their own unit's, or any for admins). */
export function writesTemplates(viewer: TemplateWriter | null | undefined): boolean {
  return canWriteTemplate(viewer, viewer?.role === 'admin' ? null : viewer?.unit_code);
}
