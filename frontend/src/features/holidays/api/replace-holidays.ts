import { useMutation, useQueryClient } from '@tanstack/react-query';

import { api } from '@/lib/api/client';
import { unwrap } from '@/lib/api/problem';
import type { Holiday } from '@/lib/api/types';

import { calendarStatusQueryKey } from './get-calendar-status';
import { holidaysQueryKey } from './get-holidays';

export type ReplaceHolidaysInput = { year: number; items: Holiday[] };

/** Replaces the whole calendar of a year with the given days. */
export function replaceHolidays({ year, items }: ReplaceHolidaysInput) {
  return unwrap(api.PUT('/api/v1/holidays', { params: { query: { year } }, body: { items } }));
}

export function useReplaceHolidays() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: replaceHolidays,
    onSuccess: (saved) => {
      queryClient.setQueryData(holidaysQueryKey(saved.year), saved);
      // A saved year is a loaded one: the reminder to load it goes.
      void queryClient.invalidateQueries({ queryKey: calendarStatusQueryKey });
    },
  });
}
