import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { UnitSettings } from '@/lib/api/types';

import { unitQueryKey } from './get-unit';

export type UpdateUnitSettingsInput = { code: string; settings: UnitSettings };

export function updateUnitSettings({ code, settings }: UpdateUnitSettingsInput) {
  return unwrap(
    api.PUT('/api/v1/units/{code}/settings', { params: { path: { code } }, body: settings }),
  );
}

export function useUpdateUnitSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateUnitSettings,
    onSuccess: (_data, { code }) => queryClient.invalidateQueries({ queryKey: unitQueryKey(code) }),
  });
}
