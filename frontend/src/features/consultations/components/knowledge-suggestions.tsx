import { Card, Group, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * Where answers from the knowledge base will be suggested while the question is typed. The
 * knowledge search API does not exist yet, so it says only that; nothing here is made up.
 */
export function KnowledgeSuggestions() {
  const { t } = useTranslation();
  const title = t('consultations.suggestions.title');
  return (
    <Card withBorder radius="md" padding="md" bg="gray.0" component="section" aria-label={title} style={{ borderStyle: 'dashed' }}>
      <Group gap="xs" mb={4} wrap="nowrap">
        <IconBulb size={18} color="var(--mantine-color-yellow-7)" aria-hidden />
        <Text fw={600} size="sm">
          {title}
        </Text>
      </Group>
      <Text size="sm" c="dimmed">
        {t('consultations.suggestions.empty')}
      </Text>
    </Card>
  );
}
