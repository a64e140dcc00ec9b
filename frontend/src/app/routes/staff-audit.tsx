import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { AuditLog } from '@/features/audit/components/audit-log';
import { useUser } from '@/lib/auth/get-me';
import { managesUnit } from '@/lib/auth/roles';

import { UnitsGate } from './units-gate';

/** The audit log: a supervisor's unit's, or every unit's for admins. */
export function StaffAuditRoute() {
  const { t } = useTranslation();
  const { user } = useUser();
  if (!user) return null;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('auditLog.title')}</Title>
        <Text c="dimmed">{t('auditLog.lead')}</Text>
      </div>
      {managesUnit(user.role) ? (
        <UnitsGate>{(units) => <AuditLog viewer={user} units={units} />}</UnitsGate>
      ) : (
        <Alert color="gray" icon={<IconLock />} role="alert">
          {t('auditLog.forbidden')}
        </Alert>
      )}
    </Stack>
  );
}
