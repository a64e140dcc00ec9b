import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle, IconLanguage, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { StaffKnowledgeList } from '@/features/knowledge/components/staff-knowledge-list';
import { curatesKnowledge } from '@/features/knowledge/utils/permissions';
import { useUser } from '@/lib/auth/get-me';

import { UnitsGate } from './units-gate';

/** The unit's knowledge base as its staff keep it. */
export function StaffKnowledgeRoute() {
  const { t } = useTranslation();
  const { user } = useUser();
  if (!user) return null;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" gap="sm">
        <div>
          <Title order={1}>{t('knowledge.staff.title')}</Title>
          <Text c="dimmed">{t('knowledge.staff.lead')}</Text>
        </div>
        {curatesKnowledge(user) && (
          <Group gap="xs">
            <Button component={Link} to={paths.synonyms} variant="default" leftSection={<IconLanguage size={16} />}>
              {t('knowledge.staff.synonyms')}
            </Button>
            <Button component={Link} to={paths.newArticle} leftSection={<IconPlus size={16} />}>
              {t('knowledge.staff.newArticle')}
            </Button>
          </Group>
        )}
      </Group>
      {curatesKnowledge(user) ? (
        <UnitsGate>{(units) => <StaffKnowledgeList viewer={user} units={units} />}</UnitsGate>
      ) : (
        <Alert color="gray" icon={<IconInfoCircle />}>
          {t('knowledge.staff.frontOffice')}
        </Alert>
      )}
    </Stack>
  );
}
