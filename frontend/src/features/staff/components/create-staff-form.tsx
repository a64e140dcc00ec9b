import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { PasswordField } from '@/components/ui/password-field';
import { PasswordStrengthMeter } from '@/components/ui/password-strength-meter';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { requestLimits } from '@/lib/api/limits.gen';
import type { Unit } from '@/lib/api/types';
import { useErrorMessage } from '@/lib/api/use-error-message';
import { staffRoles, type StaffRole } from '@/lib/auth/roles';
import { usePasswordEstimator, usePasswordStrength } from '@/lib/hooks/use-password-strength';
import { passwordUserInputs } from '@/lib/password-strength';
import { emailProblem, lengthBounds, lengthProblem, passwordProblem } from '@/lib/validation';

import { useCreateStaff } from '../api/create-staff';

const fields = ['email', 'password', 'full_name', 'role', 'unit_code'] as const;
const limits = requestLimits.CreateStaffRequest;

type Values = { email: string; password: string; full_name: string; role: StaffRole; unit_code: string | null };

export function CreateStaffForm({ units }: { units: Unit[] }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const create = useCreateStaff();
  const estimatePassword = usePasswordEstimator();
  const form = useForm<Values>({
    initialValues: { email: '', password: '', full_name: '', role: 'officer', unit_code: null },
    validate: {
      email: (v) => emailProblem(t, v, limits.email),
      password: (v, values) =>
        passwordProblem(t, v, limits.password, estimatePassword(v, passwordUserInputs(values.full_name, values.email))),
      full_name: (v) => lengthProblem(t, v.trim(), limits.full_name),
      unit_code: (v, values) => (values.role === 'admin' || v ? null : t('validation.required')),
    },
  });
  const strength = usePasswordStrength(
    estimatePassword,
    form.values.password,
    passwordUserInputs(form.values.full_name, form.values.email),
  );

  const submit = form.onSubmit((values) =>
    create.mutate(
      {
        email: values.email.trim(),
        password: values.password,
        full_name: values.full_name.trim(),
        role: values.role,
        unit_code: values.role === 'admin' ? null : values.unit_code,
      },
      {
        onSuccess: (created) => {
          form.reset();
          notifications.show({ color: 'green', message: t('staff.create.created', { email: created.email }) });
        },
        onError: (error) => form.setErrors(formErrorsFrom(error, fields, describeError)),
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('fields.fullName')} required maxLength={limits.full_name.maxLength} {...form.getInputProps('full_name')} />
          <TextInput
            label={t('fields.email')}
            type="email"
            autoComplete="off"
            required
            maxLength={limits.email.maxLength}
            {...form.getInputProps('email')}
          />
          <Stack gap="xs">
            <PasswordField
              label={t('staff.create.password')}
              description={t('fields.passwordHint', lengthBounds(limits.password))}
              autoComplete="new-password"
              required
              maxLength={limits.password.maxLength}
              {...form.getInputProps('password')}
            />
            <PasswordStrengthMeter strength={strength} />
          </Stack>
          <Select
            label={t('staff.create.role')}
            required
            allowDeselect={false}
            data={staffRoles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
            {...form.getInputProps('role')}
          />
          {form.values.role !== 'admin' && (
            <Select
              label={t('staff.create.unit')}
              required
              searchable
              data={units.map((u) => ({ value: u.code, label: `${u.code} · ${u.name}` }))}
              {...form.getInputProps('unit_code')}
            />
          )}
        </SimpleGrid>
        <ErrorAlert error={create.error} shownFields={fields} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('staff.create.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
