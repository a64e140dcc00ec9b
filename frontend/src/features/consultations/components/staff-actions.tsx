import { Button, Card, Divider, Modal, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconCalendarEvent, IconCircleCheck, IconHandGrab, IconLock, IconLockOpen, IconShare } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';
import { isApiError } from '@/lib/api/problem';
import type { Consultation, PersonRef } from '@/lib/api/types';
import { formatDateTime } from '@/lib/format/date-time';

import { useClaimConsultation } from '../api/claim-consultation';
import { useClarifyConsultation } from '../api/clarify-consultation';
import { useMarkToIndex } from '../api/mark-to-index';
import { consultationKeys } from '../api/query-keys';
import { useReopenConsultation } from '../api/reopen-consultation';
import type { AllowedActions } from '../utils/permissions';

import { AssignForm } from './assign-form';
import { CloseConsultationForm } from './close-consultation-form';
import { FollowUpForm } from './follow-up-form';
import { ReferralForm } from './referral-form';

type Dialog = 'close' | 'followUp' | 'referral' | null;

type StaffActionsProps = {
  consultation: Consultation;
  actions: AllowedActions;
  timeZone: string;
  /** Officers of the unit, for a supervisor to assign to; absent for those who may not. */
  officers?: PersonRef[];
};

/** The officer's and supervisor's actions that the consultation's state allows. */
export function StaffActions({ consultation: c, actions, timeZone, officers }: StaffActionsProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const claim = useClaimConsultation();
  const clarify = useClarifyConsultation();
  const reopen = useReopenConsultation();
  const toIndex = useMarkToIndex();
  const closeDialog = () => setDialog(null);

  const onClaim = () =>
    claim.mutate(c.id, {
      onSuccess: () => notifications.show({ color: 'green', message: t('consultations.actions.claimed') }),
      onError: (error) => {
        if (!isApiError(error, 'already_claimed')) return;
        // The alert below says so; show who has it now.
        void queryClient.invalidateQueries({ queryKey: consultationKeys.detail(c.id) });
        void queryClient.invalidateQueries({ queryKey: consultationKeys.lists() });
      },
    });

  const onClarify = () =>
    clarify.mutate(c.id, {
      onSuccess: (view) =>
        notifications.show({
          color: 'green',
          message: t('consultations.actions.clarified', {
            date: view.deadline_at ? formatDateTime(view.deadline_at, timeZone) : '',
          }),
        }),
    });

  const anything =
    actions.claim || actions.clarify || actions.close || actions.followUp || actions.referral || actions.reopen || actions.toIndex || actions.assign;

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={t('consultations.actions.title')}>
      <Title order={2} size="h5" mb="sm">
        {t('consultations.actions.title')}
      </Title>
      <Stack gap="sm">
        {!anything && (
          <Text size="sm" c="dimmed">
            {t('consultations.actions.none')}
          </Text>
        )}
        {actions.claim && (
          <Button leftSection={<IconHandGrab size={16} />} loading={claim.isPending} onClick={onClaim}>
            {t('consultations.actions.claim')}
          </Button>
        )}
        <ErrorAlert error={claim.error} />
        {actions.clarify && (
          <div>
            <Button
              fullWidth
              variant="light"
              leftSection={<IconCircleCheck size={16} />}
              loading={clarify.isPending}
              onClick={onClarify}
            >
              {t('consultations.actions.clarify')}
            </Button>
            <Text size="xs" c="dimmed" mt={4}>
              {t('consultations.actions.clarifyHint')}
            </Text>
          </div>
        )}
        <ErrorAlert error={clarify.error} />
        {actions.followUp && (
          <Button variant="default" leftSection={<IconCalendarEvent size={16} />} onClick={() => setDialog('followUp')}>
            {t('consultations.followUps.add')}
          </Button>
        )}
        {actions.referral && (
          <Button variant="default" leftSection={<IconShare size={16} />} onClick={() => setDialog('referral')}>
            {t('consultations.referrals.add')}
          </Button>
        )}
        {actions.close && (
          <Button color="teal.9" leftSection={<IconLock size={16} />} onClick={() => setDialog('close')}>
            {t('consultations.actions.close')}
          </Button>
        )}
        {actions.reopen && (
          <div>
            <Button
              fullWidth
              variant="default"
              leftSection={<IconLockOpen size={16} />}
              loading={reopen.isPending}
              onClick={() =>
                reopen.mutate(c.id, {
                  onSuccess: () => notifications.show({ color: 'green', message: t('consultations.actions.reopened') }),
                })
              }
            >
              {t('consultations.actions.reopen')}
            </Button>
            <Text size="xs" c="dimmed" mt={4}>
              {t('consultations.actions.reopenHint')}
            </Text>
          </div>
        )}
        <ErrorAlert error={reopen.error} />
        {actions.assign && officers && (
          <>
            <Divider />
            <AssignForm consultationId={c.id} currentAssignee={c.assignee?.id ?? null} officers={officers} />
          </>
        )}
        {actions.toIndex && (
          <>
            <Divider />
            <Switch
              label={t('consultations.actions.toIndex')}
              description={t('consultations.actions.toIndexHint')}
              checked={c.to_index}
              disabled={toIndex.isPending}
              onChange={(event) => toIndex.mutate({ id: c.id, toIndex: event.currentTarget.checked })}
            />
            <ErrorAlert error={toIndex.error} />
          </>
        )}
      </Stack>

      <Modal opened={dialog === 'close'} onClose={closeDialog} title={t('consultations.actions.closeTitle')} centered>
        <CloseConsultationForm consultationId={c.id} onDone={closeDialog} />
      </Modal>
      <Modal opened={dialog === 'followUp'} onClose={closeDialog} title={t('consultations.followUps.add')} centered>
        <FollowUpForm consultationId={c.id} timeZone={timeZone} onDone={closeDialog} />
      </Modal>
      <Modal opened={dialog === 'referral'} onClose={closeDialog} title={t('consultations.referrals.add')} centered>
        <ReferralForm consultationId={c.id} onDone={closeDialog} />
      </Modal>
    </Card>
  );
}
