import { Button, Grid, Select, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { formErrorsFrom } from '@/lib/api/form-errors';
import { useErrorMessage } from '@/lib/api/use-error-message';
import type { Ticket } from '@/lib/api/types';
import { blankToUndefined } from '@/lib/validation';

import { useCreateGuestbookEntry } from '../api/create-guestbook-entry';
import { guestbookFields as fields, type GuestbookForm as Form } from '../utils/guestbook-form';
import { ageGroups, educationLevels, genders, guestbookLimits as limits, idTypes } from '../utils/options';

type GuestbookFormProps = {
  unitCode: string;
  /** Today's tickets a visitor may be linked to. */
  tickets: Ticket[];
  form: Form;
};

/** The front office's guest-book form: who the visitor is and why they came. */
export function GuestbookForm({ unitCode, tickets, form }: GuestbookFormProps) {
  const { t } = useTranslation();
  const describe = useErrorMessage();
  const create = useCreateGuestbookEntry();

  const submit = form.onSubmit((values) => {
    create.mutate(
      {
        unitCode,
        entry: {
          ticket_id: values.ticket_id,
          full_name: values.full_name.trim(),
          id_type: values.id_type ?? 'ktp',
          id_number: values.id_number.trim(),
          email: values.email.trim(),
          phone: blankToUndefined(values.phone) ?? null,
          institution: blankToUndefined(values.institution) ?? null,
          occupation: blankToUndefined(values.occupation) ?? null,
          education: values.education,
          gender: values.gender,
          age_group: values.age_group,
          purpose: values.purpose.trim(),
        },
      },
      {
        onSuccess: (entry) => {
          form.reset();
          notifications.show({
          closeButtonProps: { 'aria-label': t('walkin.closeNotice') },
            color: 'green',
            message:
              entry.previous_visits > 0
                ? t('walkin.guestbook.savedReturning', { name: entry.full_name, count: entry.previous_visits })
                : t('walkin.guestbook.saved', { name: entry.full_name }),
          });
        },
        onError: (error) => form.setErrors(formErrorsFrom(error, fields, describe)),
      },
    );
  });

  const educationData = educationLevels.map((value) => ({ value, label: t(`walkin.guestbook.educationOptions.${value}`) }));
  const genderData = genders.map((value) => ({ value, label: t(`walkin.guestbook.genderOptions.${value}`) }));
  const ageData = ageGroups.map((value) => ({ value, label: t(`walkin.guestbook.ageGroupOptions.${value}`) }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Select
          label={t('walkin.guestbook.ticket')}
          placeholder={t('walkin.guestbook.ticketPlaceholder')}
          description={t('walkin.guestbook.ticketHint')}
          data={tickets.map((ticket) => ({ value: ticket.id, label: `${ticket.number} · ${ticket.service_name}` }))}
          searchable
          clearable
          clearButtonProps={{ 'aria-label': t('walkin.guestbook.clear') }}
          {...form.getInputProps('ticket_id')}
        />
        <TextInput label={t('walkin.guestbook.fullName')} required maxLength={limits.full_name.maxLength} autoComplete="off" {...form.getInputProps('full_name')} />
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select
              label={t('walkin.guestbook.idType')}
              required
              allowDeselect={false}
              data={idTypes.map((value) => ({ value, label: t(`walkin.idTypes.${value}`) }))}
              {...form.getInputProps('id_type')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 8 }}>
            <TextInput label={t('walkin.guestbook.idNumber')} required maxLength={limits.id_number.maxLength} autoComplete="off" {...form.getInputProps('id_number')} />
          </Grid.Col>
        </Grid>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <TextInput type="email" label={t('walkin.guestbook.email')} description={t('walkin.guestbook.emailHint')} required autoComplete="off" {...form.getInputProps('email')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <TextInput type="tel" label={t('walkin.guestbook.phone')} maxLength={limits.phone.maxLength} autoComplete="off" {...form.getInputProps('phone')} />
          </Grid.Col>
        </Grid>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <TextInput label={t('walkin.guestbook.institution')} maxLength={limits.institution.maxLength} {...form.getInputProps('institution')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <TextInput label={t('walkin.guestbook.occupation')} maxLength={limits.occupation.maxLength} {...form.getInputProps('occupation')} />
          </Grid.Col>
        </Grid>
        <Grid>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select label={t('walkin.guestbook.education')} clearable
          clearButtonProps={{ 'aria-label': t('walkin.guestbook.clear') }} data={educationData} {...form.getInputProps('education')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select label={t('walkin.guestbook.gender')} clearable
          clearButtonProps={{ 'aria-label': t('walkin.guestbook.clear') }} data={genderData} {...form.getInputProps('gender')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <Select label={t('walkin.guestbook.ageGroup')} clearable
          clearButtonProps={{ 'aria-label': t('walkin.guestbook.clear') }} data={ageData} {...form.getInputProps('age_group')} />
          </Grid.Col>
        </Grid>
        <Textarea label={t('walkin.guestbook.purpose')} required autosize minRows={3} maxLength={limits.purpose.maxLength} {...form.getInputProps('purpose')} />
        <ErrorAlert error={create.error} shownFields={fields} />
        <Button type="submit" loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('walkin.guestbook.submit')}
        </Button>
      </Stack>
    </form>
  );
}
