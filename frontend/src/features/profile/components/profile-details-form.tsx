import { Badge, Button, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { requestLimits } from '@/lib/api/limits.gen';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { Me } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';
import { lengthProblem } from '@/lib/validation';

import { useUpdateMe } from '../api/update-me';

const fields = ['full_name', 'phone', 'institution', 'occupation'] as const;
const limits = requestLimits.UpdateMeRequest;

type ProfileDetailsFormProps = {
  me: Me;
  /** Zone of the user's unit; people without a unit see their own device's zone. */
  timeZone?: string;
};

const toValues = (me: Me) => ({
  full_name: me.full_name,
  phone: me.phone ?? '',
  institution: me.institution ?? '',
  occupation: me.occupation ?? '',
});

export function ProfileDetailsForm({ me, timeZone }: ProfileDetailsFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const update = useUpdateMe();
  const form = useForm({
    initialValues: toValues(me),
    validate: {
      full_name: (v) => lengthProblem(t, v.trim(), limits.full_name),
      institution: (v) => lengthProblem(t, v.trim(), limits.institution),
      occupation: (v) => lengthProblem(t, v.trim(), limits.occupation),
    },
  });

  const submit = form.onSubmit((values) =>
    update.mutate(
      {
        full_name: values.full_name.trim(),
        // An emptied optional field is cleared on the server (null), not left as it was.
        phone: values.phone.trim() || null,
        institution: values.institution.trim() || null,
        occupation: values.occupation.trim() || null,
      },
      {
        onSuccess: (saved) => {
          form.setInitialValues(toValues(saved));
          form.setValues(toValues(saved));
          notifications.show({ color: 'green', message: t('profile.saved') });
        },
        onError: (error) => form.setErrors(formErrorsFrom(error, fields, describeError)),
      },
    ),
  );

  const zone = timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="light">{t(`roles.${me.role}`)}</Badge>
          {me.unit_code && (
            <Badge variant="light" color="gray">
              {t('profile.unit')} {me.unit_code}
            </Badge>
          )}
          <Badge variant="light" color={me.email_verified ? 'green' : 'yellow'}>
            {me.email_verified ? t('profile.emailVerified') : t('profile.emailNotVerified')}
          </Badge>
        </Group>
        <TextInput label={t('fields.email')} value={me.email} readOnly variant="filled" />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('fields.fullName')}
            autoComplete="name"
            required
            maxLength={limits.full_name.maxLength}
            {...form.getInputProps('full_name')}
          />
          <TextInput label={t('fields.phone')} type="tel" autoComplete="tel" {...form.getInputProps('phone')} />
          <TextInput
            label={t('fields.institution')}
            autoComplete="organization"
            maxLength={limits.institution.maxLength}
            {...form.getInputProps('institution')}
          />
          <TextInput label={t('fields.occupation')} maxLength={limits.occupation.maxLength} {...form.getInputProps('occupation')} />
        </SimpleGrid>
        <Text size="xs" c="dimmed">
          {t('profile.memberSince', { date: formatDateTime(me.created_at, zone) })}
        </Text>
        <ErrorAlert error={update.error} shownFields={fields} />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending} disabled={!form.isDirty()}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
