import { Alert, Stack, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

import { TemplateList } from '@/features/templates/components/template-list';
import { usesTemplates } from '@/features/templates/utils/permissions';
import { useUser } from '@/lib/auth/get-me';

import { UnitsGate } from './units-gate';

/** The answer templates page: the unit's and the national ones, for officers, supervisors and admins. */
export function StaffTemplatesRoute() {
  const { t } = useTranslation();
  const { user } = useUser();
  if (!user) return null;
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('templates.title')}</Title>
        <Text c="dimmed" maw={860}>
          {t('templates.lead')}
        </Text>
      </div>
      {usesTemplates(user) ? (
        <UnitsGate>{(units) => <TemplateList viewer={user} units={units} />}</UnitsGate>
      ) : (
        <Alert color="gray" icon={<IconLock />} role="alert">
          {t('templates.forbidden')}
        </Alert>
      )}
    </Stack>
  );
}
