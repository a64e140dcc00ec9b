import { Button, Group, Select, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import type { PersonRef } from '@/lib/api/types';

import { useAssignConsultation } from '../api/assign-consultation';

type AssignFormProps = { consultationId: string; currentAssignee: string | null; officers: PersonRef[] };

/** A supervisor assigns or transfers the consultation to an officer of its unit. */
export function AssignForm({ consultationId, currentAssignee, officers }: AssignFormProps) {
  const { t } = useTranslation();
  const assign = useAssignConsultation();
  const [officerId, setOfficerId] = useState<string | null>(null);
  const choices = officers.filter((o) => o.id !== currentAssignee);
  if (choices.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('consultations.actions.noOfficers')}
      </Text>
    );
  }
  const submit = () => {
    const officer = choices.find((o) => o.id === officerId);
    if (!officer) return;
    assign.mutate(
      { id: consultationId, officerId: officer.id },
      {
        onSuccess: () => {
          notifications.show({ color: 'green', message: t('consultations.actions.assigned', { name: officer.full_name }) });
          setOfficerId(null);
        },
      },
    );
  };
  return (
    <>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <Select
          label={t('consultations.actions.assign')}
          placeholder={t('consultations.actions.assignTo')}
          data={choices.map((o) => ({ value: o.id, label: o.full_name }))}
          value={officerId}
          onChange={setOfficerId}
          searchable
          style={{ flex: 1 }}
        />
        <Button variant="default" onClick={submit} disabled={!officerId} loading={assign.isPending}>
          {t('consultations.actions.assignSubmit')}
        </Button>
      </Group>
      <ErrorAlert error={assign.error} />
    </>
  );
}
