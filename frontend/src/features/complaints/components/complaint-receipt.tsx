import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core';
import { IconCircleCheck, IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { ComplaintReceipt as Receipt } from '@/lib/api/types';

type ComplaintReceiptProps = { receipt: Receipt; email: string | null; onAnother?: () => void };

/** The tracking code, large, and what happens next: a confirmation email, or the unit's queue. */
export function ComplaintReceipt({ receipt, email, onAnother }: ComplaintReceiptProps) {
  const { t } = useTranslation();
  const confirm = receipt.confirmation_required;
  return (
    <Stack gap="sm">
      <Alert
        color={confirm ? 'yellow' : 'green'}
        icon={confirm ? <IconMailForward /> : <IconCircleCheck />}
        title={confirm ? t('complaintDesk.receipt.confirmTitle') : t('complaintDesk.receipt.title')}
        role="status"
      >
        {confirm
          ? t('complaintDesk.receipt.confirmBody', { email: email ?? '' })
          : t('complaintDesk.receipt.receivedBody')}
      </Alert>
      <div>
        <Text size="sm" c="dimmed">
          {t('complaintDesk.receipt.code')}
        </Text>
        <Code block fz="lg" fw={700} data-testid="tracking-code" style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}>
          {receipt.tracking_code}
        </Code>
        <Text size="xs" c="dimmed" mt={4}>
          {t('complaintDesk.receipt.keep')}
        </Text>
      </div>
      <Group gap="sm">
        <Button component={Link} to={paths.trackComplaint(receipt.tracking_code)}>
          {t('complaintDesk.receipt.track')}
        </Button>
        {onAnother && (
          <Button variant="default" onClick={onAnother}>
            {t('complaintDesk.receipt.another')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
