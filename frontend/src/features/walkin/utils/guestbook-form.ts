import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';

import type { GuestbookEntry, IdType } from '@/lib/api/types';
import { emailProblem, lengthProblem } from '@/lib/validation';

import { guestbookLimits as limits } from './options';

export type GuestbookValues = {
  ticket_id: string | null;
  full_name: string;
  id_type: IdType | null;
  id_number: string;
  email: string;
  phone: string;
  institution: string;
  occupation: string;
  education: string | null;
  gender: string | null;
  age_group: string | null;
  purpose: string;
};

export const guestbookFields = ['ticket_id', 'full_name', 'id_type', 'id_number', 'email', 'phone', 'institution', 'occupation', 'education', 'gender', 'age_group', 'purpose'] as const;

export const emptyGuest: GuestbookValues = {
  ticket_id: null,
  full_name: '',
  id_type: 'ktp',
  id_number: '',
  email: '',
  phone: '',
  institution: '',
  occupation: '',
  education: null,
  gender: null,
  age_group: null,
  purpose: '',
};

/** A returning visitor's details, ready to fill the form (the ID number is never shown in full, so it is typed again). */
export function valuesFromEntry(entry: GuestbookEntry): Partial<GuestbookValues> {
  return {
    full_name: entry.full_name,
    id_type: entry.id_type,
    email: entry.email,
    phone: entry.phone ?? '',
    institution: entry.institution ?? '',
    occupation: entry.occupation ?? '',
    education: entry.education ?? null,
    gender: entry.gender ?? null,
    age_group: entry.age_group ?? null,
  };
}

export function useGuestbookForm() {
  const { t } = useTranslation();
  return useForm<GuestbookValues>({
    initialValues: emptyGuest,
    validate: {
      full_name: (v) => lengthProblem(t, v.trim(), limits.full_name),
      id_type: (v) => (v ? null : t('validation.required')),
      id_number: (v) => lengthProblem(t, v.trim(), limits.id_number),
      email: (v) => (v.trim() ? emailProblem(t, v, limits.email) : t('validation.required')),
      phone: (v) => lengthProblem(t, v.trim(), limits.phone),
      institution: (v) => lengthProblem(t, v.trim(), limits.institution),
      occupation: (v) => lengthProblem(t, v.trim(), limits.occupation),
      purpose: (v) => lengthProblem(t, v.trim(), limits.purpose),
    },
  });
}

export type GuestbookForm = ReturnType<typeof useGuestbookForm>;
