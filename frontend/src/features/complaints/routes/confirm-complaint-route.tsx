import { Alert, Button, Card, Code, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { ErrorAlert } from '@/components/errors/error-alert';
import { paths } from '@/config/paths';

import { useConfirmComplaint } from '../api/confirm-complaint';

/** `/complaints/confirm?token=`: the emailed link of an anonymous complaint, posted once on load. */
export function ConfirmComplaintRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const confirm = useConfirmComplaint();
  const { mutate } = confirm;
  // The token is single-use: post it once, even when React runs effects twice in development.
  const sentFor = useRef<string | null>(null);

  useEffect(() => {
    if (!token || sentFor.current === token) return;
    sentFor.current = token;
    mutate(token);
  }, [token, mutate]);

  let body;
  if (!token) {
    body = (
      <Alert color="red" role="alert">
        {t('complaintDesk.confirm.missingToken')}
      </Alert>
    );
  } else if (confirm.isSuccess) {
    const tracking = confirm.data;
    body = (
      <Stack gap="sm">
        <Alert color="green" icon={<IconCircleCheck />} title={t('complaintDesk.confirm.successTitle')} role="status">
          {t('complaintDesk.confirm.successBody', { unit: tracking.unit_name })}
        </Alert>
        <div>
          <Text size="sm" c="dimmed">
            {t('complaintDesk.receipt.code')}
          </Text>
          <Code block fz="lg" fw={700} data-testid="tracking-code" style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
            {tracking.tracking_code}
          </Code>
          <Text size="xs" c="dimmed" mt={4}>
            {t('complaintDesk.receipt.keep')}
          </Text>
        </div>
        <Button component={Link} to={paths.trackComplaint(tracking.tracking_code)} style={{ alignSelf: 'flex-start' }}>
          {t('complaintDesk.receipt.track')}
        </Button>
      </Stack>
    );
  } else if (confirm.isError) {
    body = (
      <ErrorAlert error={confirm.error} title={t('complaintDesk.confirm.failedTitle')}>
        <Text size="sm" mt="xs">
          {t('complaintDesk.confirm.failedHint')}
        </Text>
      </ErrorAlert>
    );
  } else {
    body = (
      <Group gap="sm">
        <Loader size="sm" />
        <Text>{t('complaintDesk.confirm.confirming')}</Text>
      </Group>
    );
  }

  return (
    <Stack maw={560} mx="auto" w="100%">
      <Title order={1}>{t('complaintDesk.confirm.title')}</Title>
      <Card withBorder radius="md" padding="lg">
        {body}
      </Card>
    </Stack>
  );
}
