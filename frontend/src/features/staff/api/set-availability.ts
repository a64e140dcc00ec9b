import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Availability, Me } from '@/lib/api/types';
import { meQueryKey } from '@/lib/auth/get-me';

/** The caller's own availability for new consultations; the profile is updated in place. */
export function useSetAvailability() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (availability: Availability) => unwrap(api.PUT('/api/v1/me/availability', { body: { availability } })),
    onSuccess: ({ availability }) => queryClient.setQueryData<Me>(meQueryKey, (me) => (me ? { ...me, availability } : me)),
  });
}
