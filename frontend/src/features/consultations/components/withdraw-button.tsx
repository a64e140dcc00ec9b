import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';

import { ErrorAlert } from '@/components/errors/error-alert';

import { useWithdrawConsultation } from '../api/withdraw-consultation';

/** The owner withdraws a consultation that waits or runs, after confirming. */
export function WithdrawButton({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const withdraw = useWithdrawConsultation();
  return (
    <>
      <Button variant="light" color="red" size="compact-sm" onClick={open}>
        {t('consultations.withdraw.button')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('consultations.withdraw.title')} centered>
        <Stack>
          <Text size="sm">{t('consultations.withdraw.body')}</Text>
          <ErrorAlert error={withdraw.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button color="red" loading={withdraw.isPending} onClick={() => withdraw.mutate(consultationId, { onSuccess: close })}>
              {t('consultations.withdraw.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
