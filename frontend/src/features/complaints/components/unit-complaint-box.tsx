import { Button, Stack, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import type { ComplaintReceipt as Receipt, UnitDetail } from '@/lib/api/types';
import { useUser } from '@/lib/auth/get-me';
import { isStaffRole } from '@/lib/auth/roles';

import { ComplaintDeadlines } from './complaint-deadlines';
import { ComplaintForm } from './complaint-form';
import { ComplaintReceipt } from './complaint-receipt';

/**
 * On a unit's page, beside its published complaint channels: the unit's complaint deadlines, a
 * link to track a complaint, and the web form (staff record theirs on the complaint desk).
 */
export function UnitComplaintBox({ unit }: { unit: UnitDetail }) {
  const { t } = useTranslation();
  const { user } = useUser();
  const [open, setOpen] = useState(false);
  const [filed, setFiled] = useState<{ receipt: Receipt; email: string | null } | null>(null);
  const staff = isStaffRole(user?.role);
  return (
    <Stack gap="md">
      <ComplaintDeadlines settings={unit.settings} />
      {filed ? (
        <ComplaintReceipt
          receipt={filed.receipt}
          email={filed.email}
          onAnother={() => {
            setFiled(null);
            setOpen(true);
          }}
        />
      ) : (
        <>
          {!staff && (
            <div>
              <Text size="sm" fw={600}>
                {t('complaintDesk.form.title')}
              </Text>
              <Text size="sm" c="dimmed">
                {t('complaintDesk.form.lead')}
              </Text>
              {!open && (
                <Button mt="sm" leftSection={<IconPencil size={16} />} onClick={() => setOpen(true)}>
                  {t('complaintDesk.form.open')}
                </Button>
              )}
            </div>
          )}
          {!staff && open && (
            <ComplaintForm unitCode={unit.code} viewer={user} onFiled={(receipt, email) => setFiled({ receipt, email })} />
          )}
        </>
      )}
      <Button component={Link} to={paths.trackComplaintEntry} variant="subtle" style={{ alignSelf: 'flex-start' }} px={0}>
        {t('complaintDesk.track.title')}
      </Button>
    </Stack>
  );
}
