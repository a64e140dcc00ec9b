import { Alert, Anchor, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { paths } from '@/config/paths';
import { useUser } from '@/lib/auth/get-me';

import { SynonymEditor } from '../components/synonym-editor';
import { curatesKnowledge } from '../utils/permissions';

export function SynonymsRoute() {
  const { t } = useTranslation();
  const { user } = useUser();
  return (
    <Stack gap="md">
      <Anchor component={Link} to={paths.staffKnowledge} size="sm">
        <Group gap={4} wrap="nowrap">
          <IconArrowLeft size={14} aria-hidden />
          {t('knowledge.editor.back')}
        </Group>
      </Anchor>
      <div>
        <Title order={1}>{t('knowledge.synonyms.title')}</Title>
        <Text c="dimmed" maw={860}>
          {t('knowledge.synonyms.lead')}
        </Text>
      </div>
      {curatesKnowledge(user) ? (
        <SynonymEditor />
      ) : (
        <Alert color="gray" icon={<IconInfoCircle />}>
          {t('knowledge.staff.frontOffice')}
        </Alert>
      )}
    </Stack>
  );
}
